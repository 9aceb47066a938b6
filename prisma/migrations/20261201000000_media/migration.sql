-- The media library: one row per uploaded image. The original and its resized variants live in the
-- configured storage (local disk or an S3-compatible bucket) under `storage_key` / each variant's `key`;
-- the row keeps what a frontend needs to lay the image out before it loads.
CREATE TABLE media (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  storage_key    text NOT NULL UNIQUE,
  filename       varchar(255) NOT NULL,
  mime_type      varchar(100) NOT NULL,
  bytes          integer NOT NULL CHECK (bytes >= 0),
  width          integer NOT NULL CHECK (width > 0),
  height         integer NOT NULL CHECK (height > 0),
  sha256         char(64) NOT NULL,
  alt            text,
  caption        text,
  -- Focal point as fractions of width and height (0..1), for cropping around what matters.
  focal_x        real CHECK (focal_x BETWEEN 0 AND 1),
  focal_y        real CHECK (focal_y BETWEEN 0 AND 1),
  placeholder    text,
  dominant_color varchar(7),
  -- [{ "width", "height", "format", "key", "bytes" }], narrowest first.
  variants       jsonb NOT NULL DEFAULT '[]',
  created_at     timestamptz(3) NOT NULL DEFAULT now(),
  updated_at     timestamptz(3) NOT NULL DEFAULT now(),
  CHECK ((focal_x IS NULL) = (focal_y IS NULL))
);
CREATE INDEX media_created_at_idx ON media (created_at DESC, id DESC);

-- Where library images are used. A feature image / label image referencing a row; deleting a row
-- still in use is refused by the API (409) unless forced, and a forced delete clears the reference.
ALTER TABLE posts ADD COLUMN feature_image_media_id uuid REFERENCES media (id) ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX posts_feature_image_media_id_idx ON posts (feature_image_media_id);
ALTER TABLE tags ADD COLUMN image_media_id uuid REFERENCES media (id) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE authors ADD COLUMN avatar_media_id uuid REFERENCES media (id) ON DELETE SET NULL ON UPDATE CASCADE;

-- Library images referenced from a post's body (filled by the write path from the rendered html).
CREATE TABLE post_media (
  post_id  uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE ON UPDATE CASCADE,
  media_id uuid NOT NULL REFERENCES media (id) ON DELETE CASCADE ON UPDATE CASCADE,
  PRIMARY KEY (post_id, media_id)
);
CREATE INDEX post_media_media_id_idx ON post_media (media_id);
