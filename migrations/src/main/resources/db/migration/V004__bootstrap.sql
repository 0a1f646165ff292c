-- Bootstrap steps that ran (seed data, the demo data set), so each runs once.
CREATE TABLE bootstrap_step (
    name    VARCHAR(100) NOT NULL PRIMARY KEY,
    done_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
