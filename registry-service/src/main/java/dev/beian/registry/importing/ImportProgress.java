package dev.beian.registry.importing;

/** Where a running import is: told by the importer as it goes, shown by an import job. */
public interface ImportProgress {

    /** For imports nobody watches (the synchronous form). */
    ImportProgress NONE = new ImportProgress() {
        @Override
        public void stage(String stage) {
        }

        @Override
        public void checked(int rows) {
        }

        @Override
        public void written(int rows) {
        }
    };

    /** The step the import has reached: checking, matching, writing, committing. */
    void stage(String stage);

    /** Rows checked so far (of the rows received). */
    void checked(int rows);

    /** Rows stored so far in the import's transaction (updated, unchanged or inserted); visible once it commits. */
    void written(int rows);
}
