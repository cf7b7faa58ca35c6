/* nb-export-private.h: what the export formats share.
 *
 * Every export works from an NbExportData: one consistent snapshot of
 * the notebook (people with tags and photos, entries, events with their
 * attendees, my profile), read inside one read transaction. People and
 * entries that are deleted but still undoable are left out, and so are
 * references to them.
 *
 * The synchronous exports read the snapshot through the caller's store.
 * The asynchronous ones read it in the worker thread through a read-only
 * SQLite connection of their own on the same file (NbStore is not
 * thread-safe; WAL lets a reader see the last commit while the app goes
 * on writing), so the main thread never waits for a large notebook.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-export.h"
#include "nb-store-private.h"

G_BEGIN_DECLS

typedef struct
{
  GPtrArray  *people;          /* NbPerson*, by id, with tags and photos */
  GHashTable *people_by_id;    /* gint64* → NbPerson* (borrowed) */
  GPtrArray  *entries;         /* NbEntry*, by id */
  GPtrArray  *events;          /* NbEvent*, by id */
  GHashTable *events_by_id;    /* gint64* → NbEvent* (borrowed) */
  GArray     *event_created;   /* gint64, parallel to @events */
  GHashTable *attendees;       /* gint64* event id → GArray of gint64 */
  GHashTable *timelines;       /* gint64* person id → GPtrArray, lazily */
  gboolean    timelines_built;
  char       *offers;
  char       *looking_for;
} NbExportData;

void          _nb_export_data_free     (NbExportData  *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbExportData, _nb_export_data_free)

/* Reads the snapshot through @store, inside one read transaction. */
NbExportData *_nb_export_data_load     (NbStore       *store,
                                        GError       **error);
/* Reads the snapshot of the notebook at @path through a read-only
 * connection of its own: for worker threads. */
NbExportData *_nb_export_data_load_path (const char   *path,
                                         GError      **error);
/* A read-only connection to @path (busy timeout set), or NULL. */
sqlite3      *_nb_export_open_reader   (const char    *path,
                                        GError       **error);

NbPerson     *_nb_export_data_get_person (NbExportData *data,
                                          gint64        person_id);
NbEvent      *_nb_export_data_get_event  (NbExportData *data,
                                          gint64        event_id);
/* A person's timeline (theirs, and introductions to them), newest first
 * (date, then id). Borrowed; never NULL. */
GPtrArray    *_nb_export_data_get_timeline (NbExportData *data,
                                            gint64        person_id);
/* Person ids of the event's attendees, ascending. Borrowed; may be NULL. */
GArray       *_nb_export_data_get_attendees (NbExportData *data,
                                             gint64        event_id);
/* The people @person_ids name (all when NULL), in @data's order;
 * NB_STORE_ERROR_NOT_FOUND names a missing one. Borrowed pointers. */
GPtrArray    *_nb_export_data_select   (NbExportData  *data,
                                        const gint64  *person_ids,
                                        guint          n_person_ids,
                                        GError       **error);

/* Writes all of @size bytes, or sets @error. */
gboolean      _nb_export_write_all     (GOutputStream *stream,
                                        const char    *data,
                                        gsize          size,
                                        GCancellable  *cancellable,
                                        GError       **error);

/* The formats, from a snapshot (nb-export.c, nb-export-markdown.c,
 * nb-json.c). */
gboolean      _nb_export_vcard_data    (NbExportData  *data,
                                        GPtrArray     *people,
                                        GOutputStream *stream,
                                        GCancellable  *cancellable,
                                        GError       **error);
gboolean      _nb_export_csv_data      (NbExportData  *data,
                                        GPtrArray     *people,
                                        GOutputStream *stream,
                                        GCancellable  *cancellable,
                                        GError       **error);
gboolean      _nb_export_markdown_data (NbExportData  *data,
                                        GPtrArray     *people,
                                        GFile         *dir,
                                        const char    *today_iso,
                                        GCancellable  *cancellable,
                                        GError       **error);
gboolean      _nb_json_export_data     (NbExportData  *data,
                                        GOutputStream *stream,
                                        GCancellable  *cancellable,
                                        GError       **error);

/* "Name.md" for @display_name: no path separators, control characters,
 * leading dots or characters other systems refuse; never empty. Not yet
 * unique. */
char         *_nb_export_markdown_file_name (const char *display_name);

G_END_DECLS
