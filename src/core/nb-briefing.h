/* nb-briefing.h: the pre-meeting summary (DOMAIN.md, "The two moments").
 *
 * Built by nb_store_build_briefing() from the store; rendered as plain
 * text or Markdown here, as widgets by the GUI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "nb-entry.h"
#include "nb-person.h"
#include "nb-trust.h"

G_BEGIN_DECLS

/* Someone in my network who could help with one of their open
 * challenges or needs. */
typedef struct {
  NbPerson *helper;   /* owned */
  NbEntry  *entry;    /* the challenge or need it answers, owned */
  char     *reason;   /* "offers bookkeeping", translated */
} NbBriefingHelper;

/* Takes a reference on @helper and @entry (may be NULL). */
NbBriefingHelper *nb_briefing_helper_new  (NbPerson         *helper,
                                           NbEntry          *entry,
                                           const char       *reason);
void              nb_briefing_helper_free (NbBriefingHelper *helper);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbBriefingHelper, nb_briefing_helper_free)

#define NB_TYPE_BRIEFING (nb_briefing_get_type ())
G_DECLARE_FINAL_TYPE (NbBriefing, nb_briefing, NB, BRIEFING, GObject)

/* @entries: the person's timeline (NbEntry*). @introducer may be NULL.
 * @helpers: NbBriefingHelper*, may be NULL; the briefing takes a ref. */
NbBriefing  *nb_briefing_new (NbPerson   *person,
                              GPtrArray  *entries,
                              NbPerson   *introducer,
                              GPtrArray  *helpers,
                              const char *today_iso);

NbPerson    *nb_briefing_get_person       (NbBriefing *self);
NbPerson    *nb_briefing_get_introducer   (NbBriefing *self);
NbTrust     *nb_briefing_get_trust        (NbBriefing *self);
const char  *nb_briefing_get_today        (NbBriefing *self);
/* The newest conversation or meeting on or before today, or NULL. */
NbEntry     *nb_briefing_get_last_conversation (NbBriefing *self);
/* Open dreams / challenges / needs (NbEntry*), newest first. */
GPtrArray   *nb_briefing_get_open_items   (NbBriefing *self,
                                           NbEntryKind kind);
/* Open follow-ups, overdue first, then by due date. */
GPtrArray   *nb_briefing_get_promises     (NbBriefing *self);
/* Counts of help + referrals + introductions given and received. */
guint        nb_briefing_get_given        (NbBriefing *self);
guint        nb_briefing_get_received     (NbBriefing *self);
/* Upcoming meetings (date after today), soonest first. */
GPtrArray   *nb_briefing_get_upcoming_meetings (NbBriefing *self);
/* NbBriefingHelper*; never NULL. */
GPtrArray   *nb_briefing_get_helpers      (NbBriefing *self);

char        *nb_briefing_to_text          (NbBriefing *self);
char        *nb_briefing_to_markdown      (NbBriefing *self);

G_END_DECLS
