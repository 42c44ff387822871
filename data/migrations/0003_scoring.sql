-- reserved for issue work; filled by the owner of this migration
SELECT 1;
