package dev.larder.protocol.text;

/** The text protocol's storage commands, each followed by a data block. */
public enum StorageCommand {
  SET,
  ADD,
  REPLACE,
  APPEND,
  PREPEND,
  CAS
}
