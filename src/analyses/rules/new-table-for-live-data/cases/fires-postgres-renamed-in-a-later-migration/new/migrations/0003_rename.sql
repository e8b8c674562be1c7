ALTER TABLE messages_2 RENAME TO message_archive;
