-- Library images are read inside cached public content (feature images, images in bodies, tag images,
-- author avatars, settings logo and icon): editing a media item's alt, caption or focal point, or
-- deleting it, must reach the response caches like a post change does.
CREATE CONSTRAINT TRIGGER media_content_generation AFTER INSERT OR UPDATE OR DELETE ON "media"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_generation();
