-- Social links of tags and authors: one jsonb object per row, network → profile URL (normalised by the
-- API: handles become URLs). An object, so a read never has to tell "no links" from a malformed value.
ALTER TABLE tags ADD COLUMN social jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(social) = 'object');
ALTER TABLE authors ADD COLUMN social jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(social) = 'object');
