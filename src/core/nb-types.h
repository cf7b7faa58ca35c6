/* nb-types.h: the words of Netbook's domain (DOMAIN.md) as enums.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The kinds of entry on a person's timeline. The string forms
 * (nb_entry_kind_to_string) are part of netbook-cli's public interface
 * and of the database: never rename them. */
typedef enum {
  NB_ENTRY_CONVERSATION,
  NB_ENTRY_MEETING,
  NB_ENTRY_NOTE,
  NB_ENTRY_DREAM,
  NB_ENTRY_CHALLENGE,
  NB_ENTRY_NEED,
  NB_ENTRY_HELP_GIVEN,
  NB_ENTRY_HELP_RECEIVED,
  NB_ENTRY_REFERRAL_GIVEN,
  NB_ENTRY_REFERRAL_RECEIVED,
  NB_ENTRY_INTRODUCTION,
  NB_ENTRY_FOLLOW_UP,
} NbEntryKind;

#define NB_N_ENTRY_KINDS (NB_ENTRY_FOLLOW_UP + 1)

/* Status of dreams, challenges and needs (open → helped / achieved /
 * resolved) and of follow-ups (open → done). Other kinds have NONE. */
typedef enum {
  NB_STATUS_NONE,
  NB_STATUS_OPEN,
  NB_STATUS_HELPED,
  NB_STATUS_ACHIEVED,
  NB_STATUS_RESOLVED,
  NB_STATUS_DONE,
} NbStatus;

#define NB_N_STATUSES (NB_STATUS_DONE + 1)

/* The VCP stages of a relationship (seed 004). */
typedef enum {
  NB_STAGE_VISIBILITY,
  NB_STAGE_CREDIBILITY,
  NB_STAGE_PROFITABILITY,
} NbStage;

/* What happened to an object, for the store's change signals. */
typedef enum {
  NB_CHANGE_ADDED,
  NB_CHANGE_UPDATED,
  NB_CHANGE_REMOVED,
} NbChange;

/* "help-given", "follow-up", … ; NULL for an invalid kind. */
const char *nb_entry_kind_to_string   (NbEntryKind  kind);
gboolean    nb_entry_kind_from_string (const char  *str,
                                       NbEntryKind *out_kind);
/* Translated, human label: "Help given". */
const char *nb_entry_kind_get_label   (NbEntryKind  kind);
/* A symbolic icon name from the Adwaita icon theme. */
const char *nb_entry_kind_get_icon_name (NbEntryKind kind);
/* TRUE for dream, challenge, need and follow-up. */
gboolean    nb_entry_kind_has_status  (NbEntryKind  kind);
/* TRUE if @status is allowed for @kind (NONE for kinds without status;
 * OPEN/HELPED/ACHIEVED/RESOLVED for dream, challenge, need; OPEN/DONE for
 * follow-up). */
gboolean    nb_entry_kind_accepts_status (NbEntryKind kind,
                                          NbStatus    status);

/* "open", "helped", "achieved", "resolved", "done"; "" for NONE. */
const char *nb_status_to_string   (NbStatus     status);
gboolean    nb_status_from_string (const char  *str,
                                   NbStatus    *out_status);
const char *nb_status_get_label   (NbStatus     status);

/* "visibility", "credibility", "profitability" */
const char *nb_stage_to_string    (NbStage      stage);
/* Translated: "Visibility" */
const char *nb_stage_get_label    (NbStage      stage);
/* Translated short chip: "VIS", "CRED", "PROF" */
const char *nb_stage_get_short_label (NbStage   stage);

G_END_DECLS
