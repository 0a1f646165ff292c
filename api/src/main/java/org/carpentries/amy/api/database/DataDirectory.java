package org.carpentries.amy.api.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder that holds the embedded PostgreSQL's files, owned by one AMY at a time. An AMY that stopped without
 * shutting down (killed, or its machine's session closed) leaves its PostgreSQL running, and that server would
 * refuse every later start on the folder ("lock file postmaster.pid already exists"). The AMY that takes the
 * folder's lock knows no other AMY uses it, so it stops such a server before it starts its own.
 */
final class DataDirectory implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);
    static final String LOCK_FILE = "amy.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectory(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the folder for this process until {@link #close()}; refuses when another AMY holds it. */
    static DataDirectory take(Path dir) {
        try {
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldHere) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("Another AMY is running with its data in " + dir
                        + ": stop it first, or give this one another folder (AMY_DATA_DIR)");
            }
            return new DataDirectory(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lock the data folder " + dir, e);
        }
    }

    /**
     * Stops the PostgreSQL that an earlier AMY left running on {@code pgDir}, if there is one: the process that
     * {@code postmaster.pid} names, when it is a {@code postgres} serving that folder. Call it only while holding
     * the folder.
     */
    void stopLeftoverServer(Path pgDir, Duration patience) {
        Optional<ProcessHandle> server = leftoverServer(pgDir);
        if (server.isEmpty()) {
            return;
        }
        ProcessHandle process = server.get();
        log.warn("An embedded PostgreSQL (pid {}) still runs on {}, left by an AMY that did not shut down; stopping it",
                process.pid(), pgDir);
        // SIGTERM: PostgreSQL's smart shutdown, a checkpoint and a clean stop once its sessions are gone (its AMY's
        // connections went with it).
        process.destroy();
        try {
            process.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The PostgreSQL left running on " + pgDir + " (pid " + process.pid()
                    + ") did not stop within " + patience.toSeconds() + " s; stop it, then start AMY again", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not wait for PostgreSQL pid " + process.pid() + " to stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while PostgreSQL pid " + process.pid() + " stopped", e);
        }
    }

    static Optional<ProcessHandle> leftoverServer(Path pgDir) {
        String firstLine;
        try {
            firstLine = Files.readAllLines(pgDir.resolve("postmaster.pid"), StandardCharsets.US_ASCII).stream()
                    .findFirst().orElse("").trim();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + pgDir.resolve("postmaster.pid"), e);
        }
        long pid;
        try {
            pid = Long.parseLong(firstLine);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String folder = pgDir.toAbsolutePath().normalize().toString();
        // A stale file may name a process id reused since by something else: only a postgres on this folder counts.
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .filter(p -> p.info().commandLine().map(c -> c.contains(folder)).orElse(false));
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
