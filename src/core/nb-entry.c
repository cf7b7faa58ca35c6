/* nb-entry.c: one dated item on a person's timeline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-date.h"
#include "nb-entry.h"
#include "nb-enum-types.h"

struct _NbEntry
{
  GObject      parent_instance;

  gint64       id;
  gint64       person_id;
  gint64       other_person_id;
  gint64       event_id;
  NbEntryKind  kind;
  NbStatus     status;
  char        *date;
  char        *due;
  char        *text;
  gint64       created;
  gint64       updated;
};

G_DEFINE_FINAL_TYPE (NbEntry, nb_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_DATE,
  PROP_DUE,
  PROP_STATUS,
  PROP_TEXT,
  PROP_PERSON_ID,
  PROP_OTHER_PERSON_ID,
  PROP_EVENT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static NbStatus
default_status (NbEntryKind kind)
{
  return nb_entry_kind_has_status (kind) ? NB_STATUS_OPEN : NB_STATUS_NONE;
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
nb_entry_finalize (GObject *object)
{
  NbEntry *self = (NbEntry *) object;

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->due, g_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (nb_entry_parent_class)->finalize (object);
}

static void
nb_entry_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  NbEntry *self = NB_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_DUE:
      g_value_set_string (value, self->due);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_OTHER_PERSON_ID:
      g_value_set_int64 (value, self->other_person_id);
      break;

    case PROP_EVENT_ID:
      g_value_set_int64 (value, self->event_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_entry_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  NbEntry *self = NB_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      nb_entry_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_KIND:
      nb_entry_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_DATE:
      nb_entry_set_date (self, g_value_get_string (value));
      break;

    case PROP_DUE:
      nb_entry_set_due (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      nb_entry_set_status (self, g_value_get_enum (value));
      break;

    case PROP_TEXT:
      nb_entry_set_text (self, g_value_get_string (value));
      break;

    case PROP_PERSON_ID:
      nb_entry_set_person_id (self, g_value_get_int64 (value));
      break;

    case PROP_OTHER_PERSON_ID:
      nb_entry_set_other_person_id (self, g_value_get_int64 (value));
      break;

    case PROP_EVENT_ID:
      nb_entry_set_event_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_entry_class_init (NbEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nb_entry_finalize;
  object_class->get_property = nb_entry_get_property;
  object_class->set_property = nb_entry_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       NB_TYPE_ENTRY_KIND,
                       NB_ENTRY_NOTE,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_DUE] =
    g_param_spec_string ("due", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       NB_TYPE_STATUS,
                       NB_STATUS_NONE,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_OTHER_PERSON_ID] =
    g_param_spec_int64 ("other-person-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_EVENT_ID] =
    g_param_spec_int64 ("event-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nb_entry_init (NbEntry *self)
{
  self->kind = NB_ENTRY_NOTE;
  self->status = NB_STATUS_NONE;
  self->date = g_strdup ("");
  self->due = g_strdup ("");
  self->text = g_strdup ("");
}

NbEntry *
nb_entry_new (NbEntryKind  kind,
              gint64       person_id,
              const char  *date_iso,
              const char  *text)
{
  NbEntry *self;

  g_return_val_if_fail ((int) kind >= 0 && kind < NB_N_ENTRY_KINDS, NULL);
  g_return_val_if_fail (person_id >= 0, NULL);

  self = g_object_new (NB_TYPE_ENTRY, NULL);
  self->kind = kind;
  self->status = default_status (kind);
  self->person_id = person_id;
  g_free (self->date);
  self->date = date_iso != NULL ? g_strdup (date_iso) : nb_date_today_iso ();
  nb_entry_set_text (self, text);

  return self;
}

gint64
nb_entry_get_id (NbEntry *self)
{
  g_return_val_if_fail (NB_IS_ENTRY (self), 0);

  return self->id;
}

void
nb_entry_set_id (NbEntry *self,
                 gint64   id)
{
  g_return_if_fail (NB_IS_ENTRY (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
nb_entry_get_person_id (NbEntry *self)
{
  g_return_val_if_fail (NB_IS_ENTRY (self), 0);

  return self->person_id;
}

void
nb_entry_set_person_id (NbEntry *self,
                        gint64   person_id)
{
  g_return_if_fail (NB_IS_ENTRY (self));
  g_return_if_fail (person_id >= 0);

  if (self->person_id == person_id)
    return;

  self->person_id = person_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

gint64
nb_entry_get_other_person_id (NbEntry *self)
{
  g_return_val_if_fail (NB_IS_ENTRY (self), 0);

  return self->other_person_id;
}

void
nb_entry_set_other_person_id (NbEntry *self,
                              gint64   person_id)
{
  g_return_if_fail (NB_IS_ENTRY (self));
  g_return_if_fail (person_id >= 0);

  if (self->other_person_id == person_id)
    return;

  self->other_person_id = person_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OTHER_PERSON_ID]);
}

gint64
nb_entry_get_event_id (NbEntry *self)
{
  g_return_val_if_fail (NB_IS_ENTRY (self), 0);

  return self->event_id;
}

void
nb_entry_set_event_id (NbEntry *self,
                       gint64   event_id)
{
  g_return_if_fail (NB_IS_ENTRY (self));
  g_return_if_fail (event_id >= 0);

  if (self->event_id == event_id)
    return;

  self->event_id = event_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT_ID]);
}

NbEntryKind
nb_entry_get_kind (NbEntry *self)
{
  g_return_val_if_fail (NB_IS_ENTRY (self), NB_ENTRY_NOTE);

  return self->kind;
}

void
nb_entry_set_kind (NbEntry     *self,
                   NbEntryKind  kind)
{
  g_return_if_fail (NB_IS_ENTRY (self));
  g_return_if_fail ((int) kind >= 0 && kind < NB_N_ENTRY_KINDS);

  if (self->kind == kind)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);

  /* A note turned into a follow-up must not keep a status it cannot
   * have: the entry would be refused by the store for a reason the user
   * never chose. */
  if (!nb_entry_kind_accepts_status (kind, self->status))
    nb_entry_set_status (self, default_status (kind));

  g_object_thaw_notify (G_OBJECT (self));
}

const char *
nb_entry_get_date (NbEntry *self)
{
  g_return_val_if_fail (NB_IS_ENTRY (self), "");

  return self->date;
}

void
nb_entry_set_date (NbEntry    *self,
                   const char *date_iso)
{
  g_autofree char *today = NULL;

  g_return_if_fail (NB_IS_ENTRY (self));

  /* Same rule as nb_entry_new(): no date means today. */
  if (date_iso == NULL)
    date_iso = today = nb_date_today_iso ();

  if (set_string (&self->date, date_iso))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
nb_entry_get_due (NbEntry *self)
{
  g_return_val_if_fail (NB_IS_ENTRY (self), "");

  return self->due;
}

void
nb_entry_set_due (NbEntry    *self,
                  const char *due_iso)
{
  g_return_if_fail (NB_IS_ENTRY (self));

  if (set_string (&self->due, due_iso != NULL ? due_iso : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE]);
}

NbStatus
nb_entry_get_status (NbEntry *self)
{
  g_return_val_if_fail (NB_IS_ENTRY (self), NB_STATUS_NONE);

  return self->status;
}

void
nb_entry_set_status (NbEntry  *self,
                     NbStatus  status)
{
  g_return_if_fail (NB_IS_ENTRY (self));
  g_return_if_fail ((int) status >= 0 && status < NB_N_STATUSES);

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
nb_entry_get_text (NbEntry *self)
{
  g_return_val_if_fail (NB_IS_ENTRY (self), "");

  return self->text;
}

void
nb_entry_set_text (NbEntry    *self,
                   const char *text)
{
  g_return_if_fail (NB_IS_ENTRY (self));

  if (set_string (&self->text, text != NULL ? text : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

gint64
nb_entry_get_created (NbEntry *self)
{
  g_return_val_if_fail (NB_IS_ENTRY (self), 0);

  return self->created;
}

gint64
nb_entry_get_updated (NbEntry *self)
{
  g_return_val_if_fail (NB_IS_ENTRY (self), 0);

  return self->updated;
}

void
nb_entry_set_timestamps (NbEntry *self,
                         gint64   created,
                         gint64   updated)
{
  g_return_if_fail (NB_IS_ENTRY (self));

  self->created = created;
  self->updated = updated;
}

gboolean
nb_entry_is_overdue (NbEntry    *self,
                     const char *today_iso)
{
  g_return_val_if_fail (NB_IS_ENTRY (self), FALSE);
  g_return_val_if_fail (today_iso != NULL, FALSE);

  if (self->kind != NB_ENTRY_FOLLOW_UP || self->status != NB_STATUS_OPEN)
    return FALSE;

  if (!nb_date_is_valid_iso (self->due) || !nb_date_is_valid_iso (today_iso))
    return FALSE;

  return nb_date_days_between (self->due, today_iso) > 0;
}

gboolean
nb_entry_counts_as_contact (NbEntry *self)
{
  g_return_val_if_fail (NB_IS_ENTRY (self), FALSE);

  /* Writing down their dream is not talking to them; everything else
   * (a note, a capture line, a follow-up) is a sign we were in touch. */
  switch (self->kind)
    {
    case NB_ENTRY_DREAM:
    case NB_ENTRY_CHALLENGE:
    case NB_ENTRY_NEED:
      return FALSE;

    case NB_ENTRY_CONVERSATION:
    case NB_ENTRY_MEETING:
    case NB_ENTRY_NOTE:
    case NB_ENTRY_HELP_GIVEN:
    case NB_ENTRY_HELP_RECEIVED:
    case NB_ENTRY_REFERRAL_GIVEN:
    case NB_ENTRY_REFERRAL_RECEIVED:
    case NB_ENTRY_INTRODUCTION:
    case NB_ENTRY_FOLLOW_UP:
    default:
      return TRUE;
    }
}

NbEntry *
nb_entry_copy (NbEntry *self)
{
  NbEntry *copy;

  g_return_val_if_fail (NB_IS_ENTRY (self), NULL);

  copy = g_object_new (NB_TYPE_ENTRY, NULL);
  copy->id = self->id;
  copy->person_id = self->person_id;
  copy->other_person_id = self->other_person_id;
  copy->event_id = self->event_id;
  copy->kind = self->kind;
  copy->status = self->status;
  set_string (&copy->date, self->date);
  set_string (&copy->due, self->due);
  set_string (&copy->text, self->text);
  copy->created = self->created;
  copy->updated = self->updated;

  return copy;
}
