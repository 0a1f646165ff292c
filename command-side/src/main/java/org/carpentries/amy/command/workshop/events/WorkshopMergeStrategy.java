package org.carpentries.amy.command.workshop.events;

/**
 * For each field of a workshop merge, which side it comes from. {@code id} picks the survivor ({@code a} or
 * {@code b}); only {@code contact}, {@code venue}, {@code address}, {@code notes}, {@code tags} and {@code tasks}
 * may combine.
 */
public record WorkshopMergeStrategy(MergeChoice id, MergeChoice slug, MergeChoice completed, MergeChoice start,
                                    MergeChoice end, MergeChoice host, MergeChoice administrator, MergeChoice url,
                                    MergeChoice registrationKey, MergeChoice adminFee, MergeChoice invoiceStatus,
                                    MergeChoice attendance, MergeChoice country, MergeChoice latitude,
                                    MergeChoice longitude, MergeChoice learnersPre, MergeChoice learnersPost,
                                    MergeChoice instructorsPre, MergeChoice instructorsPost,
                                    MergeChoice learnersLongterm, MergeChoice contact, MergeChoice venue,
                                    MergeChoice address, MergeChoice notes, MergeChoice tags,
                                    MergeChoice assignedTo, MergeChoice tasks) {

    /** Every field from A, as AMY's form defaulted. */
    public static WorkshopMergeStrategy allFromA() {
        MergeChoice a = MergeChoice.A;
        return new WorkshopMergeStrategy(a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a,
                a);
    }
}
