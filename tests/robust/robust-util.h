/* robust-util.h: what the "nothing lost, nothing broken" tests share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store-test-util.h"

G_BEGIN_DECLS

/* NETBOOK_LONG_TESTS=1: the CI's longer sweeps. */
gboolean   robust_long_mode        (void);
/* Puts this process in a mount namespace of its own (as root; call it
 * first thing in main(), before any thread): FALSE when not permitted. */
gboolean   robust_private_mounts   (void);
/* Mounts a tmpfs of @size ("256k") on @dir (created if needed) in the
 * private namespace; FALSE (with a test message) when not permitted. */
gboolean   robust_mount_tmpfs      (const char  *dir,
                                    const char  *size);
/* A new, empty folder (0700) in the test's scratch folder. */
char      *robust_scratch_dir      (const char  *name);
void       robust_copy_file        (const char  *from,
                                    const char  *to);
/* test_write_file() over an existing file. (GLib 2.74's
 * g_file_set_contents_full() without flags does not truncate an existing
 * file when @size is 0.) */
void       robust_replace_file     (const char  *path,
                                    const void  *data,
                                    gsize        size);
/* Removes @dir and everything in it (it must be in the scratch folder). */
void       robust_remove_tree      (const char  *dir);
/* The logical content of the notebook at @path: every table but the
 * timestamps, read through a connection of its own ("" when there is no
 * such file). Two notebooks with the same data give the same string; it
 * starts with a readable summary ("v2 people:3 entries:6 …"). */
char      *robust_fingerprint      (const char  *path);
/* integrity_check, foreign_key_check and FTS5's integrity-check all
 * clean, through a connection of its own. */
void       robust_assert_integrity (const char  *path);
/* A closed notebook with test_fill_sample() and @n_more people, in WAL
 * mode like every notebook the app has used. */
void       robust_make_sample      (const char  *path,
                                    guint        n_more);
/* A closed notebook of schema version 1 (tests/store/fixtures). */
void       robust_make_v1          (const char  *path);
/* The store's people model agrees with the table. */
void       robust_assert_models    (NbStore     *store);
/* Runs @argv (NULL-terminated) and returns its exit status; its output
 * goes to *@out and *@err when not NULL. */
int        robust_spawn            (const char * const *argv,
                                    const char * const *env_extra,
                                    const char          *input,
                                    char               **out,
                                    char               **err);

G_END_DECLS
