/* nb-types.c: the words of Netbook's domain (DOMAIN.md) as enums.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nb-error.h"
#include "nb-types.h"

typedef struct {
  const char *key;
  const char *label;
  const char *icon_name;
} NbEntryKindInfo;

/* One table drives the database strings, the labels and the icons, so a
 * new kind cannot be half added. Indexed by NbEntryKind. */
static const NbEntryKindInfo entry_kinds[NB_N_ENTRY_KINDS] = {
  [NB_ENTRY_CONVERSATION]      = { "conversation",      N_("Conversation"),      "chat-message-new-symbolic" },
  [NB_ENTRY_MEETING]           = { "meeting",           N_("Meeting"),           "system-users-symbolic" },
  [NB_ENTRY_NOTE]              = { "note",              N_("Note"),              "text-x-generic-symbolic" },
  [NB_ENTRY_DREAM]             = { "dream",             N_("Dream"),             "starred-symbolic" },
  [NB_ENTRY_CHALLENGE]         = { "challenge",         N_("Challenge"),         "emblem-important-symbolic" },
  [NB_ENTRY_NEED]              = { "need",              N_("Need"),              "help-faq-symbolic" },
  [NB_ENTRY_HELP_GIVEN]        = { "help-given",        N_("Help given"),        "send-to-symbolic" },
  [NB_ENTRY_HELP_RECEIVED]     = { "help-received",     N_("Help received"),     "emblem-favorite-symbolic" },
  [NB_ENTRY_REFERRAL_GIVEN]    = { "referral-given",    N_("Referral given"),    "mail-forward-symbolic" },
  [NB_ENTRY_REFERRAL_RECEIVED] = { "referral-received", N_("Referral received"), "mail-replied-symbolic" },
  [NB_ENTRY_INTRODUCTION]      = { "introduction",      N_("Introduction"),      "contact-new-symbolic" },
  [NB_ENTRY_FOLLOW_UP]         = { "follow-up",         N_("Follow-up"),         "task-due-symbolic" },
};

typedef struct {
  const char *key;
  const char *label;
} NbStatusInfo;

static const NbStatusInfo statuses[NB_N_STATUSES] = {
  [NB_STATUS_NONE]     = { "",         "" },
  [NB_STATUS_OPEN]     = { "open",     N_("Open") },
  [NB_STATUS_HELPED]   = { "helped",   N_("Helped") },
  [NB_STATUS_ACHIEVED] = { "achieved", N_("Achieved") },
  [NB_STATUS_RESOLVED] = { "resolved", N_("Resolved") },
  [NB_STATUS_DONE]     = { "done",     N_("Done") },
};

G_DEFINE_QUARK (nb-store-error-quark, nb_store_error)

static gboolean
entry_kind_is_valid (NbEntryKind kind)
{
  return (int) kind >= 0 && kind < NB_N_ENTRY_KINDS;
}

static gboolean
status_is_valid (NbStatus status)
{
  return (int) status >= 0 && status < NB_N_STATUSES;
}

const char *
nb_entry_kind_to_string (NbEntryKind kind)
{
  g_return_val_if_fail (entry_kind_is_valid (kind), NULL);

  return entry_kinds[kind].key;
}

gboolean
nb_entry_kind_from_string (const char  *str,
                           NbEntryKind *out_kind)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < NB_N_ENTRY_KINDS; i++)
    {
      if (g_str_equal (str, entry_kinds[i].key))
        {
          if (out_kind != NULL)
            *out_kind = (NbEntryKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
nb_entry_kind_get_label (NbEntryKind kind)
{
  g_return_val_if_fail (entry_kind_is_valid (kind), NULL);

  return _(entry_kinds[kind].label);
}

const char *
nb_entry_kind_get_icon_name (NbEntryKind kind)
{
  g_return_val_if_fail (entry_kind_is_valid (kind), NULL);

  return entry_kinds[kind].icon_name;
}

gboolean
nb_entry_kind_has_status (NbEntryKind kind)
{
  switch (kind)
    {
    case NB_ENTRY_DREAM:
    case NB_ENTRY_CHALLENGE:
    case NB_ENTRY_NEED:
    case NB_ENTRY_FOLLOW_UP:
      return TRUE;

    case NB_ENTRY_CONVERSATION:
    case NB_ENTRY_MEETING:
    case NB_ENTRY_NOTE:
    case NB_ENTRY_HELP_GIVEN:
    case NB_ENTRY_HELP_RECEIVED:
    case NB_ENTRY_REFERRAL_GIVEN:
    case NB_ENTRY_REFERRAL_RECEIVED:
    case NB_ENTRY_INTRODUCTION:
      return FALSE;

    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
nb_entry_kind_accepts_status (NbEntryKind kind,
                              NbStatus    status)
{
  g_return_val_if_fail (entry_kind_is_valid (kind), FALSE);

  if (!status_is_valid (status))
    return FALSE;

  if (!nb_entry_kind_has_status (kind))
    return status == NB_STATUS_NONE;

  if (kind == NB_ENTRY_FOLLOW_UP)
    return status == NB_STATUS_OPEN || status == NB_STATUS_DONE;

  /* Dreams, challenges and needs. */
  switch (status)
    {
    case NB_STATUS_OPEN:
    case NB_STATUS_HELPED:
    case NB_STATUS_ACHIEVED:
    case NB_STATUS_RESOLVED:
      return TRUE;

    case NB_STATUS_NONE:
    case NB_STATUS_DONE:
    default:
      return FALSE;
    }
}

const char *
nb_status_to_string (NbStatus status)
{
  g_return_val_if_fail (status_is_valid (status), NULL);

  return statuses[status].key;
}

gboolean
nb_status_from_string (const char *str,
                       NbStatus   *out_status)
{
  if (str == NULL)
    return FALSE;

  /* "" is NONE: it is what the database holds for kinds without status. */
  for (guint i = 0; i < NB_N_STATUSES; i++)
    {
      if (g_str_equal (str, statuses[i].key))
        {
          if (out_status != NULL)
            *out_status = (NbStatus) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
nb_status_get_label (NbStatus status)
{
  g_return_val_if_fail (status_is_valid (status), NULL);

  if (status == NB_STATUS_NONE)
    return "";

  return _(statuses[status].label);
}

const char *
nb_stage_to_string (NbStage stage)
{
  switch (stage)
    {
    case NB_STAGE_VISIBILITY:
      return "visibility";
    case NB_STAGE_CREDIBILITY:
      return "credibility";
    case NB_STAGE_PROFITABILITY:
      return "profitability";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
nb_stage_get_label (NbStage stage)
{
  switch (stage)
    {
    case NB_STAGE_VISIBILITY:
      return _("Visibility");
    case NB_STAGE_CREDIBILITY:
      return _("Credibility");
    case NB_STAGE_PROFITABILITY:
      return _("Profitability");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
nb_stage_get_short_label (NbStage stage)
{
  switch (stage)
    {
    /* Translators: short chip for the "Visibility" relationship stage */
    case NB_STAGE_VISIBILITY:
      return C_("stage", "VIS");
    /* Translators: short chip for the "Credibility" relationship stage */
    case NB_STAGE_CREDIBILITY:
      return C_("stage", "CRED");
    /* Translators: short chip for the "Profitability" relationship stage */
    case NB_STAGE_PROFITABILITY:
      return C_("stage", "PROF");
    default:
      g_return_val_if_reached (NULL);
    }
}
