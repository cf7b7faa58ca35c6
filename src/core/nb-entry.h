/* nb-entry.h: one dated item on a person's timeline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "nb-types.h"

G_BEGIN_DECLS

#define NB_TYPE_ENTRY (nb_entry_get_type ())
G_DECLARE_FINAL_TYPE (NbEntry, nb_entry, NB, ENTRY, GObject)

/* A new entry of @kind dated @date_iso (NULL = today). Its status starts
 * OPEN for kinds that have one, NONE otherwise. */
NbEntry     *nb_entry_new            (NbEntryKind  kind,
                                      gint64       person_id,
                                      const char  *date_iso,
                                      const char  *text);

gint64       nb_entry_get_id         (NbEntry     *self);
void         nb_entry_set_id         (NbEntry     *self,
                                      gint64       id);
gint64       nb_entry_get_person_id  (NbEntry     *self);
void         nb_entry_set_person_id  (NbEntry     *self,
                                      gint64       person_id);
/* For introductions: the second person, shown on both timelines. 0 = none. */
gint64       nb_entry_get_other_person_id (NbEntry *self);
void         nb_entry_set_other_person_id (NbEntry *self,
                                           gint64   person_id);
/* The networking event this entry was captured at. 0 = none. */
gint64       nb_entry_get_event_id   (NbEntry     *self);
void         nb_entry_set_event_id   (NbEntry     *self,
                                      gint64       event_id);
NbEntryKind  nb_entry_get_kind       (NbEntry     *self);
void         nb_entry_set_kind       (NbEntry     *self,
                                      NbEntryKind  kind);
/* YYYY-MM-DD, never NULL. */
const char  *nb_entry_get_date       (NbEntry     *self);
void         nb_entry_set_date       (NbEntry     *self,
                                      const char  *date_iso);
/* Follow-ups: the due date, YYYY-MM-DD or "". */
const char  *nb_entry_get_due        (NbEntry     *self);
void         nb_entry_set_due        (NbEntry     *self,
                                      const char  *due_iso);
NbStatus     nb_entry_get_status     (NbEntry     *self);
void         nb_entry_set_status     (NbEntry     *self,
                                      NbStatus     status);
/* Never NULL. */
const char  *nb_entry_get_text       (NbEntry     *self);
void         nb_entry_set_text       (NbEntry     *self,
                                      const char  *text);
gint64       nb_entry_get_created    (NbEntry     *self);
gint64       nb_entry_get_updated    (NbEntry     *self);
void         nb_entry_set_timestamps (NbEntry     *self,
                                      gint64       created,
                                      gint64       updated);
/* TRUE for an open follow-up whose due date is before @today_iso. */
gboolean     nb_entry_is_overdue     (NbEntry     *self,
                                      const char  *today_iso);
/* TRUE if this entry counts as contact with the person (restarts the
 * stay-in-touch clock): every kind except dream, challenge, need. */
gboolean     nb_entry_counts_as_contact (NbEntry  *self);

NbEntry     *nb_entry_copy           (NbEntry     *self);

G_END_DECLS
