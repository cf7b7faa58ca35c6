/* nb-event.c: a networking event where several people were met.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-date.h"
#include "nb-event.h"

struct _NbEvent
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *date;
  char    *place;
};

G_DEFINE_FINAL_TYPE (NbEvent, nb_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DATE,
  PROP_PLACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (value == NULL)
    value = "";

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
nb_event_finalize (GObject *object)
{
  NbEvent *self = (NbEvent *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->place, g_free);

  G_OBJECT_CLASS (nb_event_parent_class)->finalize (object);
}

static void
nb_event_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  NbEvent *self = NB_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_PLACE:
      g_value_set_string (value, self->place);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_event_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  NbEvent *self = NB_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      nb_event_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      nb_event_set_name (self, g_value_get_string (value));
      break;

    case PROP_DATE:
      nb_event_set_date (self, g_value_get_string (value));
      break;

    case PROP_PLACE:
      nb_event_set_place (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_event_class_init (NbEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nb_event_finalize;
  object_class->get_property = nb_event_get_property;
  object_class->set_property = nb_event_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_PLACE] =
    g_param_spec_string ("place", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nb_event_init (NbEvent *self)
{
  self->name = g_strdup ("");
  self->date = g_strdup ("");
  self->place = g_strdup ("");
}

NbEvent *
nb_event_new (const char *name,
              const char *date_iso,
              const char *place)
{
  g_autofree char *today = NULL;

  /* Events are captured right after they happen: no date means today. */
  if (date_iso == NULL)
    date_iso = today = nb_date_today_iso ();

  return g_object_new (NB_TYPE_EVENT,
                       "name", name,
                       "date", date_iso,
                       "place", place,
                       NULL);
}

gint64
nb_event_get_id (NbEvent *self)
{
  g_return_val_if_fail (NB_IS_EVENT (self), 0);

  return self->id;
}

void
nb_event_set_id (NbEvent *self,
                 gint64   id)
{
  g_return_if_fail (NB_IS_EVENT (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
nb_event_get_name (NbEvent *self)
{
  g_return_val_if_fail (NB_IS_EVENT (self), "");

  return self->name;
}

void
nb_event_set_name (NbEvent    *self,
                   const char *name)
{
  g_return_if_fail (NB_IS_EVENT (self));

  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
nb_event_get_date (NbEvent *self)
{
  g_return_val_if_fail (NB_IS_EVENT (self), "");

  return self->date;
}

void
nb_event_set_date (NbEvent    *self,
                   const char *date_iso)
{
  g_return_if_fail (NB_IS_EVENT (self));

  if (set_string (&self->date, date_iso))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
nb_event_get_place (NbEvent *self)
{
  g_return_val_if_fail (NB_IS_EVENT (self), "");

  return self->place;
}

void
nb_event_set_place (NbEvent    *self,
                    const char *place)
{
  g_return_if_fail (NB_IS_EVENT (self));

  if (set_string (&self->place, place))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACE]);
}
