/* nb-person-row.c: one person in the sidebar list.
 *
 * The stage and due-follow-up tooltips are answered when asked for
 * (GtkWidget::query-tooltip), not set on every bind: in GTK 4.8,
 * gtk_widget_set_tooltip_text() asks the display where the pointer is,
 * a round trip to the X server for each of the 200 rows a GtkListView
 * binds before its first frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "nb-gui-util.h"
#include "nb-person-row.h"

struct _NbPersonRow
{
  GtkWidget   parent_instance;

  NbPerson   *person;
  GSignalGroup *person_signals;

  /* Template widgets */
  GtkWidget  *box;
  AdwAvatar  *avatar;
  GtkLabel   *name_label;
  GtkLabel   *subtitle_label;
  GtkLabel   *stage_label;
  GtkImage   *due_image;
};

G_DEFINE_FINAL_TYPE (NbPersonRow, nb_person_row, GTK_TYPE_WIDGET)

static const char *stage_classes[] = { "visibility", "credibility", "profitability" };

static char *
nb_person_row_dup_due_text (NbPersonRow *self)
{
  guint due = self->person != NULL ? nb_person_get_due_followups (self->person) : 0;

  return g_strdup_printf (ngettext ("%u follow-up due", "%u follow-ups due", due), due);
}

static void
nb_person_row_update (NbPersonRow *self)
{
  g_autofree char *subtitle = NULL;
  NbStage stage;
  guint due;

  if (self->person == NULL)
    {
      gtk_label_set_text (self->name_label, "");
      gtk_label_set_text (self->subtitle_label, "");
      gtk_label_set_text (self->stage_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->due_image), FALSE);
      return;
    }

  /* Plain text everywhere: a name like "<b>Bob</b> & Sons" is a name. */
  gtk_label_set_text (self->name_label, nb_person_get_display_name (self->person));
  subtitle = nb_person_dup_subtitle (self->person);
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle[0] != '\0');
  nb_avatar_set_person (self->avatar, self->person);

  stage = nb_person_get_stage (self->person);
  gtk_label_set_text (self->stage_label, nb_stage_get_short_label (stage));
  /* What the tooltip says, for screen readers. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->stage_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, nb_stage_get_label (stage),
                                  -1);
  for (guint i = 0; i < G_N_ELEMENTS (stage_classes); i++)
    {
      if (i == (guint) stage)
        gtk_widget_add_css_class (GTK_WIDGET (self->stage_label), stage_classes[i]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->stage_label), stage_classes[i]);
    }

  due = nb_person_get_due_followups (self->person);
  gtk_widget_set_visible (GTK_WIDGET (self->due_image), due > 0);
  if (due > 0)
    {
      g_autofree char *due_text = nb_person_row_dup_due_text (self);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->due_image),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, due_text,
                                      -1);
    }
}

static gboolean
on_stage_query_tooltip_cb (NbPersonRow *self,
                           int          x,
                           int          y,
                           gboolean     keyboard_mode,
                           GtkTooltip  *tooltip,
                           GtkWidget   *widget)
{
  if (self->person == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, nb_stage_get_label (nb_person_get_stage (self->person)));
  return TRUE;
}

static gboolean
on_due_query_tooltip_cb (NbPersonRow *self,
                         int          x,
                         int          y,
                         gboolean     keyboard_mode,
                         GtkTooltip  *tooltip,
                         GtkWidget   *widget)
{
  g_autofree char *due_text = NULL;

  if (self->person == NULL || nb_person_get_due_followups (self->person) == 0)
    return FALSE;

  due_text = nb_person_row_dup_due_text (self);
  gtk_tooltip_set_text (tooltip, due_text);
  return TRUE;
}

static void
on_person_notify_cb (NbPersonRow *self)
{
  nb_person_row_update (self);
}

static void
nb_person_row_dispose (GObject *object)
{
  NbPersonRow *self = NB_PERSON_ROW (object);

  g_clear_object (&self->person_signals);
  g_clear_object (&self->person);
  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_PERSON_ROW);

  G_OBJECT_CLASS (nb_person_row_parent_class)->dispose (object);
}

static void
nb_person_row_class_init (NbPersonRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_person_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "personrow");
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Netbook/nb-person-row.ui");
  gtk_widget_class_bind_template_child (widget_class, NbPersonRow, box);
  gtk_widget_class_bind_template_child (widget_class, NbPersonRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, NbPersonRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, NbPersonRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, NbPersonRow, stage_label);
  gtk_widget_class_bind_template_child (widget_class, NbPersonRow, due_image);
}

static void
nb_person_row_init (NbPersonRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self->stage_label), TRUE);
  g_signal_connect_object (self->stage_label, "query-tooltip",
                           G_CALLBACK (on_stage_query_tooltip_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->due_image), TRUE);
  g_signal_connect_object (self->due_image, "query-tooltip",
                           G_CALLBACK (on_due_query_tooltip_cb), self, G_CONNECT_SWAPPED);

  self->person_signals = g_signal_group_new (NB_TYPE_PERSON);
  g_signal_group_connect_swapped (self->person_signals, "notify",
                                  G_CALLBACK (on_person_notify_cb), self);
}

GtkWidget *
nb_person_row_new (void)
{
  return g_object_new (NB_TYPE_PERSON_ROW, NULL);
}

void
nb_person_row_set_person (NbPersonRow *self,
                          NbPerson    *person)
{
  g_return_if_fail (NB_IS_PERSON_ROW (self));
  g_return_if_fail (person == NULL || NB_IS_PERSON (person));

  if (!g_set_object (&self->person, person))
    return;

  g_signal_group_set_target (self->person_signals, person);
  nb_person_row_update (self);
}

NbPerson *
nb_person_row_get_person (NbPersonRow *self)
{
  g_return_val_if_fail (NB_IS_PERSON_ROW (self), NULL);

  return self->person;
}
