/* nb-json-private.h: a JSON export, parsed and checked (nb-json-parse.c),
 * waiting to be written (nb-json.c).
 *
 * Parsing needs no store, so it can run in a worker thread; writing runs
 * where the store lives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "nb-json.h"

G_BEGIN_DECLS

/* A Netbook export nests four levels deep; a file nested deeper than this
 * is refused before json-glib (which recurses per level) reads it. */
#define NB_JSON_MAX_DEPTH 64

/* Ids are the document's own; references point to them. */
typedef struct {
  gint64    id;
  NbPerson *person;         /* the card; introduced_by left 0 */
  gint64    introduced_by;  /* 0 = none */
  gint64    created;
  gint64    updated;
} NbJsonPerson;

typedef struct {
  gint64    id;
  NbEvent  *event;
  gint64    created;
  GArray   *attendees;      /* gint64 */
} NbJsonEvent;

typedef struct {
  gint64    id;
  NbEntry  *entry;          /* person, other person and event: document ids */
  gint64    created;
  gint64    updated;
} NbJsonEntry;

typedef struct {
  GArray *people;           /* NbJsonPerson */
  GArray *events;           /* NbJsonEvent */
  GArray *entries;          /* NbJsonEntry */
  char   *offers;
  char   *looking_for;
} NbJsonDocument;

void            _nb_json_document_free (NbJsonDocument *document);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbJsonDocument, _nb_json_document_free)

/* Parses and checks everything that can be checked without a store. */
NbJsonDocument *_nb_json_parse         (GBytes         *data,
                                        GCancellable   *cancellable,
                                        GError        **error);

/* ---- nb-json-members.c: typed members; every refusal is
 * NB_STORE_ERROR_INVALID naming the place ("people[3].tags"). -------- */

/* Sets @error and returns FALSE. */
gboolean    _nb_json_refuse            (GError       **error,
                                        const char    *format,
                                        ...) G_GNUC_PRINTF (2, 3);
/* "people[3].tags"; at the top level (@path "" or NULL) just @key. */
char       *_nb_json_member_path       (const char    *path,
                                        const char    *key);
/* Refuses keys that are not in @keys (nor, for a @person, field keys). */
gboolean    _nb_json_check_keys        (JsonObject    *object,
                                        const char    *path,
                                        const char * const *keys,
                                        gboolean       person,
                                        GError       **error);
gboolean    _nb_json_is_value_of_type  (JsonNode      *node,
                                        GType          type);
gboolean    _nb_json_check_text        (const char    *text,
                                        const char    *where,
                                        GError       **error);
/* Absent optional members: "", 0, now. */
gboolean    _nb_json_get_string        (JsonObject    *object,
                                        const char    *path,
                                        const char    *key,
                                        gboolean       required,
                                        const char   **out,
                                        GError       **error);
gboolean    _nb_json_get_int           (JsonObject    *object,
                                        const char    *path,
                                        const char    *key,
                                        gboolean       required,
                                        gint64         min,
                                        gint64         max,
                                        gint64        *out,
                                        GError       **error);
/* An id (> 0); an optional one may be null (0). */
gboolean    _nb_json_get_ref           (JsonObject    *object,
                                        const char    *path,
                                        const char    *key,
                                        gboolean       required,
                                        gint64        *out,
                                        GError       **error);
/* YYYY-MM-DD; an optional one may be "". */
gboolean    _nb_json_get_date          (JsonObject    *object,
                                        const char    *path,
                                        const char    *key,
                                        gboolean       required,
                                        const char   **out,
                                        GError       **error);
gboolean    _nb_json_get_time          (JsonObject    *object,
                                        const char    *path,
                                        const char    *key,
                                        gint64         now,
                                        gint64        *out,
                                        GError       **error);
/* NULL if absent (check @error) or not a list. */
JsonArray  *_nb_json_get_array         (JsonObject    *object,
                                        const char    *path,
                                        const char    *key,
                                        gboolean       required,
                                        GError       **error);
JsonObject *_nb_json_element_object    (JsonArray     *array,
                                        guint          index,
                                        const char    *path,
                                        GError       **error);
/* Registers *@id in @ids, refusing a second use. */
gboolean    _nb_json_add_id            (GHashTable    *ids,
                                        gint64        *id,
                                        const char    *path,
                                        GError       **error);

/* "2024-05-15T10:30:00Z" */
char           *_nb_json_format_time   (gint64          unix_time);

G_END_DECLS
