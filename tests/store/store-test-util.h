/* store-test-util.h: helpers shared by the store tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "nb-store-private.h"

G_BEGIN_DECLS

/* A new path in the test's private scratch folder. */
char      *test_scratch_path   (const char   *name);
/* A freshly created store at a new scratch path. */
NbStore   *test_open_new_store (void);
GBytes    *test_read_file      (const char   *path);
void       test_write_file     (const char   *path,
                                const void   *data,
                                gsize         size);
/* Asserts that @path holds exactly @before and that no -wal/-shm lies
 * beside it. */
void       test_assert_untouched (const char *path,
                                  GBytes     *before);
sqlite3   *test_sqlite_open    (const char   *path);
void       test_sqlite_exec    (sqlite3      *db,
                                const char   *sql);
gint64     test_sqlite_int     (sqlite3      *db,
                                const char   *sql);
gint64     test_add_person     (NbStore      *store,
                                const char   *name,
                                const char   *company,
                                const char   *role);
gint64     test_add_entry      (NbStore      *store,
                                NbEntryKind   kind,
                                gint64        person_id,
                                const char   *date,
                                const char   *text);
/* Fills a store with a little of everything. */
void       test_fill_sample    (NbStore      *store);
/* The search index is exactly what the schema's rules make of the
 * people and entries, and no row waits to be written to it. */
void       test_assert_search_index_exact (NbStore *store);
/* contact_dates holds each person's newest contacts, as every entry
 * says, and nothing for anyone else. */
void       test_assert_contact_dates_exact (sqlite3 *db);
/* "type name tbl_name sql" of every schema object, sorted, with white
 * space normalised. */
char      *test_dump_schema    (sqlite3      *db);

G_END_DECLS
