-- A post created with tags had its search document built twice: by the posts insert trigger (without the
-- tags, which are linked afterwards) and again by the tag-link trigger, each time parsing the whole body
-- and writing ~700 GIN entries. The write path now announces, within its transaction, that tag links
-- follow the insert; the insert then leaves the document to the tag-link trigger. The announcement is
-- consumed by the one insert it was made for.
CREATE OR REPLACE FUNCTION posts_search_vector_refresh()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF TG_OP = 'INSERT' AND current_setting('byline.search_document_follows', true) = 'on' THEN
    PERFORM set_config('byline.search_document_follows', 'off', true);
    RETURN NEW;
  END IF;
  NEW.search_vector := post_search_document(NEW.id, NEW.title, NEW.excerpt, NEW.plaintext);
  RETURN NEW;
END;
$$;
