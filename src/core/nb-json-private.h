/* nb-json-private.h: a JSON export, parsed and checked (nb-json-parse.c),
 * waiting to be written (nb-json.c).
 *
 * Parsing needs no store, so it can run in a worker thread; writing runs
 * where the store lives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-json.h"

G_BEGIN_DECLS

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

/* "2024-05-15T10:30:00Z" */
char           *_nb_json_format_time   (gint64          unix_time);

G_END_DECLS
