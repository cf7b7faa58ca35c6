/* nb-fault-vfs.h: a SQLite VFS that fails I/O on purpose, for tests only.
 *
 * It wraps the default ("unix") VFS and becomes the default itself, so
 * every connection the store opens goes through it. It counts the reads,
 * writes and syncs of every file SQLite opens (the notebook, its WAL and
 * journals, temporary files; the -shm is memory-mapped and not counted)
 * and, when armed, fails the Nth one of a kind: once, or that one and
 * every later one until disarmed. Thread-safe: backups run in a worker.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  NB_FAULT_READ,   /* xRead → SQLITE_IOERR_READ */
  NB_FAULT_WRITE,  /* xWrite → SQLITE_IOERR_WRITE */
  NB_FAULT_FULL,   /* xWrite → SQLITE_FULL (the disk filled up) */
  NB_FAULT_SYNC,   /* xSync → SQLITE_IOERR_FSYNC */
  NB_FAULT_N_KINDS
} NbFaultKind;

/* Registers the VFS as SQLite's default. Call once, before opening. */
void        nb_fault_vfs_install      (void);
/* Zeroes the counters (and disarms). */
void        nb_fault_vfs_reset        (void);
/* Operations of @kind since the last reset (FULL counts writes). */
guint       nb_fault_vfs_get_count    (NbFaultKind  kind);
/* Fails the @n th operation of @kind counted from the last reset (1 is
 * the first), and every later one if @persistent. */
void        nb_fault_vfs_arm          (NbFaultKind  kind,
                                       guint        n,
                                       gboolean     persistent);
void        nb_fault_vfs_disarm       (void);
/* Operations failed since the last arm. */
guint       nb_fault_vfs_get_injected (void);
const char *nb_fault_kind_to_string   (NbFaultKind  kind);

G_END_DECLS
