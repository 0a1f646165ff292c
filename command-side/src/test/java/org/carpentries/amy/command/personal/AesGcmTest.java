package org.carpentries.amy.command.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.carpentries.amy.command.person.events.Sealed;
import org.junit.jupiter.api.Test;

class AesGcmTest {

    private static final UUID ALICE = UUID.randomUUID();

    @Test
    void aSealedValueReadsBackOnlyWithTheSameKeyAndPerson() {
        byte[] key = AesGcm.newKey();
        Sealed sealed = AesGcm.seal(key, ALICE, "alice@example.org");
        assertThat(sealed.value()).startsWith("v1:").doesNotContain("alice").doesNotContain("example");
        assertThat(AesGcm.unseal(key, ALICE, sealed)).contains("alice@example.org");
        assertThat(AesGcm.unseal(AesGcm.newKey(), ALICE, sealed)).isEmpty();
        assertThat(AesGcm.unseal(key, UUID.randomUUID(), sealed)).isEmpty();
        assertThat(AesGcm.unseal(key, ALICE, new Sealed("v1:bm90IGEgY2lwaGVydGV4dA=="))).isEmpty();
        assertThat(AesGcm.unseal(key, ALICE, new Sealed("plain"))).isEmpty();
    }

    @Test
    void theSameValueSealsDifferentlyEachTime() {
        byte[] key = AesGcm.newKey();
        assertThat(AesGcm.seal(key, ALICE, "F")).isNotEqualTo(AesGcm.seal(key, ALICE, "F"));
        assertThat(AesGcm.unseal(key, ALICE, AesGcm.seal(key, ALICE, "Zürich 中文"))).contains("Zürich 中文");
    }
}
