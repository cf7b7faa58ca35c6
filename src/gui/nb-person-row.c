/* nb-person-row.c: one person in the sidebar list.
 *
 * The stage and due-follow-up tooltips are answered when asked for
 * (GtkWidget::query-tooltip), not set on every bind: in GTK 4.8,
 * gtk_widget_set_tooltip_text() asks the display where the pointer is,
 * a round trip to the X server for each of the 200 rows a GtkListView
 * binds before its first frame.
 *
 * A row makes its widgets (the template) the first time it is given a
 * place on screen, not when it is made. GTK 4.8's GtkListView makes
 * and binds 200 rows around the one in view, of which a window shows
 * about 12; each row's avatar, labels and icon are some 20 KiB, so the
 * others cost 4 MiB and 100 ms at start-up for nothing (later GTK makes
 * only the rows in view). The list still measures every row it has, to
 * place them: a row without its widgets answers with the size of a
 * built row of the same shape (stage, subtitle or not, due follow-ups
 * or not), which the rows of each shape keep up to date. Every line
 * of a row ellipsizes, so a row's height does not depend on its width.
 * A row whose real size turns out different once built (a script with
 * taller letters) asks for a new layout in the next frame.
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

  /* Whether the template was made; the shape the row had when last
   * measured without it. */
  gboolean    built;
  int         measured_shape;
};

G_DEFINE_FINAL_TYPE (NbPersonRow, nb_person_row, GTK_TYPE_WIDGET)

/* A row's shape: what changes its size. */
#define N_STAGES 3
#define SHAPE_NO_PERSON (N_STAGES * 4)
#define N_SHAPES (SHAPE_NO_PERSON + 1)

typedef struct
{
  gboolean known;
  int      minimum;
  int      natural;
} ShapeSize;

/* Per orientation and shape, the last size a built row measured. */
static ShapeSize shape_sizes[2][N_SHAPES];

static const char *stage_classes[N_STAGES] = { "visibility", "credibility", "profitability" };

static int
nb_person_row_get_shape (NbPersonRow *self)
{
  g_autofree char *subtitle = NULL;
  guint stage;

  if (self->person == NULL)
    return SHAPE_NO_PERSON;

  stage = MIN ((guint) nb_person_get_stage (self->person), N_STAGES - 1);
  subtitle = nb_person_dup_subtitle (self->person);

  return (int) stage * 4
         + (subtitle[0] != '\0' ? 2 : 0)
         + (nb_person_get_due_followups (self->person) > 0 ? 1 : 0);
}

static gboolean
nb_person_row_is_built (NbPersonRow *self)
{
  return self->built;
}

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

  if (!nb_person_row_is_built (self))
    {
      /* Measured as another shape: measure again. */
      if (self->measured_shape >= 0 && self->measured_shape != nb_person_row_get_shape (self))
        {
          self->measured_shape = -1;
          gtk_widget_queue_resize (GTK_WIDGET (self));
        }
      return;
    }

  if (self->box == NULL)  /* disposed */
    return;

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
nb_person_row_ensure_built (NbPersonRow *self)
{
  if (nb_person_row_is_built (self))
    return;

  self->built = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self->stage_label), TRUE);
  g_signal_connect_object (self->stage_label, "query-tooltip",
                           G_CALLBACK (on_stage_query_tooltip_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->due_image), TRUE);
  g_signal_connect_object (self->due_image, "query-tooltip",
                           G_CALLBACK (on_due_query_tooltip_cb), self, G_CONNECT_SWAPPED);

  self->measured_shape = -1;
  nb_person_row_update (self);
}

static void
nb_person_row_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  NbPersonRow *self = NB_PERSON_ROW (widget);
  int shape = nb_person_row_get_shape (self);
  ShapeSize *size = &shape_sizes[orientation][shape];

  if (!nb_person_row_is_built (self) && size->known)
    {
      self->measured_shape = shape;
      *minimum = size->minimum;
      *natural = size->natural;
      return;
    }

  nb_person_row_ensure_built (self);
  if (self->box == NULL)  /* disposed */
    {
      *minimum = *natural = 0;
      return;
    }
  gtk_widget_measure (self->box, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
  size->known = TRUE;
  size->minimum = *minimum;
  size->natural = *natural;
}

static gboolean
queue_resize_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  gtk_widget_queue_resize (widget);
  return G_SOURCE_REMOVE;
}

static void
nb_person_row_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  NbPersonRow *self = NB_PERSON_ROW (widget);
  gboolean was_built = nb_person_row_is_built (self);
  int minimum, natural;

  nb_person_row_ensure_built (self);
  if (self->box == NULL)  /* disposed */
    return;
  gtk_widget_measure (self->box, GTK_ORIENTATION_VERTICAL, width, &minimum, &natural, NULL, NULL);

  /* Placed at the size of its shape; a resize asked for now, in the
   * middle of the list's layout, would be lost. */
  if (!was_built && natural != height)
    gtk_widget_add_tick_callback (widget, queue_resize_cb, NULL, NULL);

  gtk_widget_size_allocate (self->box,
                            &(GtkAllocation) { 0, 0, width, MAX (height, minimum) },
                            baseline);
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

  widget_class->measure = nb_person_row_measure;
  widget_class->size_allocate = nb_person_row_size_allocate;
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
  self->measured_shape = -1;
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
