CREATE INDEX product_tags_tag_idx ON product_tags (tag);
