ALTER FUNCTION normalize_email(text, boolean) RENAME TO canonical_email;
