package org.carpentries.amy.query.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * AMY's instructor issues: instructors without an airport, trainees whose instructor training (a learner task at a
 * TTT workshop) is not finished, and trainees whose training workshop stalled (and who have no pending one).
 */
public record InstructorIssues(List<Who> instructorsWithoutAirport, List<Trainee> incompleteTrainees,
                               List<Trainee> stalledTrainees) {

    /** A person as the report names them; the email is absent once their personal data is erased. */
    public record Who(UUID id, String username, String name, String email) {
    }

    /** A trainee with their training workshops, oldest first. */
    public record Trainee(Who person, List<TrainingWorkshop> workshops) {
    }

    /** A TTT workshop a trainee attended. */
    public record TrainingWorkshop(UUID id, String slug, LocalDate start) {
    }
}
