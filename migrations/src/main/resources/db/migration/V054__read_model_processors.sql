-- Which processor each read model's handlers ran in when the application last started (amy.read-model-processors).
-- A model's position is its processor's token: when a model moves to another processor, the start-up reads where
-- it was from here (a model without a row ran in a processor named after it, as every model did before this table)
-- and gives the new processor that position, or rebuilds the models whose positions differed (ReadModelMoves).
CREATE TABLE read_model_processor (
    read_model text PRIMARY KEY,
    processor  text NOT NULL
);
