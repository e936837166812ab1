-- Issue 4: the SharePoint sharing link of a case-list export is shown in the tab to entitled
-- people only (never mailed), so its URL is kept with the export until the purge revokes it.
ALTER TABLE case_list_export ADD COLUMN link_web_url text;
ALTER TABLE case_list_export ADD COLUMN file_name text;
