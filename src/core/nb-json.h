/* nb-json.h: the whole notebook as one JSON document, and back.
 *
 * The format (UTF-8, version 1):
 *
 *   { "format": "netbook", "version": 1, "exported": "2024-05-15T10:30:00Z",
 *     "profile": { "offers": "…", "looking_for": "…" },
 *     "people": [ { "id": 1, <every person field key: a string, multi-valued
 *                  fields one value per line, exactly as stored>,
 *                  "tags": ["…"], "cadence_days": 0, "rapport": 0,
 *                  "archived": false, "introduced_by": null | id,
 *                  "created": "…Z", "updated": "…Z",
 *                  "photo": "<base64>" (only when there is one) } ],
 *     "entries": [ { "id", "person_id", "other_person_id": null | id,
 *                    "event_id": null | id, "kind": "follow-up",
 *                    "date": "YYYY-MM-DD", "due": "" | date,
 *                    "status": "" | "open" | …, "text", "created", "updated" } ],
 *     "events": [ { "id", "name", "date": "" | date, "place", "created",
 *                   "attendees": [ids] } ] }
 *
 * Timestamps are UTC ISO 8601 to the second, as stored. Ids only link
 * the document's parts together: an import gives new ones. People,
 * entries and events are in id order. People and entries deleted but
 * still undoable are not exported.
 *
 * Import is strict: a key of the wrong type, a missing required key
 * (people: id, display_name; entries: id, person_id, kind, date, status
 * for kinds that have one; events: id, name), an unknown key, a bad date,
 * kind or status, a duplicate id or a reference to nothing is refused
 * with NB_STORE_ERROR_INVALID naming the place ("people[3].tags must be a
 * list"); a newer format version with NB_STORE_ERROR_TOO_NEW. It only
 * goes into an empty notebook (no people, entries or events; a profile
 * is overwritten by a non-empty one): a JSON export is a whole notebook,
 * and merging two whole notebooks silently is how cards get duplicated
 * or mixed up — merging people is what the vCard and CSV imports are
 * for. Everything is written in one transaction: on an error or
 * cancellation nothing is added. Timestamps are kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nb-store.h"

G_BEGIN_DECLS

/* The format version written, and the newest one read. */
#define NB_JSON_FORMAT_VERSION 1

/* What an import added. */
typedef struct {
  guint people_added;
  guint entries_added;
  guint events_added;
} NbJsonImportReport;

gboolean     nb_json_export        (NbStore             *store,
                                    GOutputStream       *stream,
                                    GCancellable        *cancellable,
                                    GError             **error);

/* @report may be NULL; it is filled in only on success. */
gboolean     nb_json_import        (NbStore             *store,
                                    GBytes              *data,
                                    NbJsonImportReport  *report,
                                    GCancellable        *cancellable,
                                    GError             **error);
/* Parses and checks @data in a worker thread, then writes on the
 * caller's main context (NbStore is not thread-safe). */
void         nb_json_import_async  (NbStore             *store,
                                    GBytes              *data,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
gboolean     nb_json_import_finish (NbStore             *store,
                                    GAsyncResult        *result,
                                    NbJsonImportReport  *report,
                                    GError             **error);

G_END_DECLS
