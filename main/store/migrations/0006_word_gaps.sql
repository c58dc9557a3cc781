-- Text inputs mark a word that followed a break inside its cell (an underline edge, a <br>): the
-- parser splits runs of words there, so a document rebuilt from the store must keep the mark.
ALTER TABLE words ADD COLUMN gap_before INTEGER CHECK (gap_before IS NULL OR gap_before = 1);
