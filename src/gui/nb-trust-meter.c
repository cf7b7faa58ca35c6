/* nb-trust-meter.c: the know-like-trust meter, drawn with GtkSnapshot.
 *
 * The meter owns a grid of labels and three bars. Each bar is a tiny
 * widget of its own so that CSS can colour it (`trustmeter bar.trust`):
 * its `color` is the fill, and the trough is the meter's text colour,
 * faint, as Adwaita draws progress troughs, so both read in light and
 * dark. The bars, not the labels, are what GtkSnapshot draws here.
 *
 * The explanation popover is built from the same lines that
 * nb_trust_meter_dup_details_text() returns, so what the tests read is
 * what the user sees. Signal descriptions and next steps quote the
 * user's own notes: they only ever go into plain (non-markup) labels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "nb-trust-meter.h"

#define BAR_NATURAL_WIDTH    120
#define TROUGH_ALPHA         0.15
#define ANIMATION_MS         250
#define POPOVER_MAX_HEIGHT   560
#define POPOVER_LINE_CHARS   44

#define NB_TYPE_TRUST_METER_BAR (nb_trust_meter_bar_get_type ())
G_DECLARE_FINAL_TYPE (NbTrustMeterBar, nb_trust_meter_bar, NB, TRUST_METER_BAR, GtkWidget)

struct _NbTrustMeterBar
{
  GtkWidget  parent_instance;

  double     fraction;
};

struct _NbTrustMeter
{
  GtkWidget     parent_instance;

  NbTrust      *trust;
  gboolean      compact;

  GtkWidget    *grid;
  GtkWidget    *names[NB_N_DIMENSIONS];
  GtkWidget    *values[NB_N_DIMENSIONS];
  GtkWidget    *bars[NB_N_DIMENSIONS];
  GtkWidget    *stage;

  /* Created on first use. */
  GtkWidget    *popover;
  GtkWidget    *scroller;

  /* The bars glide from their old to their new length. */
  AdwAnimation *animation;
  double        from[NB_N_DIMENSIONS];
  double        to[NB_N_DIMENSIONS];
};

G_DEFINE_FINAL_TYPE (NbTrustMeterBar, nb_trust_meter_bar, GTK_TYPE_WIDGET)
G_DEFINE_FINAL_TYPE (NbTrustMeter, nb_trust_meter, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TRUST,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The popover's lines, written to a GString (for tests), to a grid of
 * labels (for people), or both. */
typedef struct {
  GString *text;
  GtkGrid *grid;
  int      row;
} Details;

static const char * const dimension_css_classes[NB_N_DIMENSIONS] = {
  "know",
  "like",
  "trust",
};

static void
get_style_color (GtkWidget *widget,
                 GdkRGBA   *color)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
#endif
}

static const char *
dimension_get_label (NbDimension dimension)
{
  switch (dimension)
    {
    case NB_DIMENSION_KNOW:
      return C_("trust dimension", "Know");
    case NB_DIMENSION_LIKE:
      return C_("trust dimension", "Like");
    case NB_DIMENSION_TRUST:
      return C_("trust dimension", "Trust");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* "Know 78": the popover's heading for one dimension. */
static char *
dimension_dup_heading (NbDimension dimension,
                       guint       score)
{
  switch (dimension)
    {
    case NB_DIMENSION_KNOW:
      return g_strdup_printf (C_("trust heading", "Know %u"), score);
    case NB_DIMENSION_LIKE:
      return g_strdup_printf (C_("trust heading", "Like %u"), score);
    case NB_DIMENSION_TRUST:
      return g_strdup_printf (C_("trust heading", "Trust %u"), score);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* "+15", "−20" (a real minus sign, as the points column is numbers). */
static char *
dup_points (int points)
{
  return g_strdup_printf ("%s%d", points < 0 ? "−" : "+", ABS (points));
}

/* NbTrustMeterBar */

static void
nb_trust_meter_bar_set_fraction (NbTrustMeterBar *self,
                                 double           fraction)
{
  fraction = CLAMP (fraction, 0.0, 1.0);
  if (self->fraction == fraction)
    return;

  self->fraction = fraction;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
nb_trust_meter_bar_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  /* CSS min-width and min-height give the shortest bar and the
   * thickness; this only asks for room to read the length. */
  *minimum = 0;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? BAR_NATURAL_WIDTH : 0;
}

static void
nb_trust_meter_bar_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  NbTrustMeterBar *self = NB_TRUST_METER_BAR (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  float radius = height / 2.f;
  GskRoundedRect trough;
  GdkRGBA trough_color;
  GdkRGBA fill_color;

  if (width <= 0 || height <= 0)
    return;

  get_style_color (gtk_widget_get_parent (widget), &trough_color);
  trough_color.alpha *= TROUGH_ALPHA;
  get_style_color (widget, &fill_color);

  gsk_rounded_rect_init_from_rect (&trough, &GRAPHENE_RECT_INIT (0, 0, width, height), radius);
  gtk_snapshot_push_rounded_clip (snapshot, &trough);
  gtk_snapshot_append_color (snapshot, &trough_color, &trough.bounds);

  if (self->fraction > 0)
    {
      GskRoundedRect fill;
      /* Never shorter than it is thick: a score of 2 is a dot, not a
       * sliver that looks like a rendering glitch. */
      float fill_width = MIN (width, MAX (height, roundf (width * (float) self->fraction)));
      float x = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? width - fill_width : 0;

      gsk_rounded_rect_init_from_rect (&fill, &GRAPHENE_RECT_INIT (x, 0, fill_width, height), radius);
      gtk_snapshot_push_rounded_clip (snapshot, &fill);
      gtk_snapshot_append_color (snapshot, &fill_color, &fill.bounds);
      gtk_snapshot_pop (snapshot);
    }

  gtk_snapshot_pop (snapshot);
}

static void
nb_trust_meter_bar_class_init (NbTrustMeterBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = nb_trust_meter_bar_measure;
  widget_class->snapshot = nb_trust_meter_bar_snapshot;

  gtk_widget_class_set_css_name (widget_class, "bar");
}

static void
nb_trust_meter_bar_init (NbTrustMeterBar *self)
{
}

/* NbTrustMeter */

static void
place (GtkWidget *child,
       int        column,
       int        row,
       int        column_span)
{
  GtkGrid *grid = GTK_GRID (gtk_widget_get_parent (child));
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (grid));
  GtkGridLayoutChild *info;

  info = GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (layout, child));
  gtk_grid_layout_child_set_column (info, column);
  gtk_grid_layout_child_set_row (info, row);
  gtk_grid_layout_child_set_column_span (info, column_span);
  gtk_grid_layout_child_set_row_span (info, 1);
}

static void
relayout (NbTrustMeter *self)
{
  GtkGrid *grid = GTK_GRID (self->grid);

  if (self->compact)
    {
      /* Know  ━━━━━━━━━━━━━━━━━━━──────  78
       * Like  ━━━━━━━━━━━━━━────────────  60
       * Trust ━━━━━━━━━──────────────────  41
       * Stage: Credibility */
      gtk_grid_set_column_homogeneous (grid, FALSE);
      gtk_grid_set_column_spacing (grid, 12);
      gtk_grid_set_row_spacing (grid, 4);
      for (guint d = 0; d < NB_N_DIMENSIONS; d++)
        {
          place (self->names[d], 0, (int) d, 1);
          place (self->bars[d], 1, (int) d, 1);
          place (self->values[d], 2, (int) d, 1);
        }
      place (self->stage, 0, NB_N_DIMENSIONS, 3);
    }
  else
    {
      /* Know        78   Like        60   Trust       41
       * ━━━━━━━━━━━━──   ━━━━━━━━─────   ━━━━━━───────
       * Stage: Credibility
       *
       * Homogeneous columns keep the three bars the same length. */
      gtk_grid_set_column_homogeneous (grid, TRUE);
      gtk_grid_set_column_spacing (grid, 12);
      gtk_grid_set_row_spacing (grid, 6);
      for (guint d = 0; d < NB_N_DIMENSIONS; d++)
        {
          place (self->names[d], 2 * (int) d, 0, 1);
          place (self->values[d], 2 * (int) d + 1, 0, 1);
          place (self->bars[d], 2 * (int) d, 1, 2);
        }
      place (self->stage, 0, 2, 2 * NB_N_DIMENSIONS);
    }
}

static void
details_add_label (Details    *details,
                   GtkWidget  *label,
                   int         column,
                   int         column_span)
{
  gtk_grid_attach (details->grid, label, column, details->row, column_span, 1);
}

static GtkWidget *
new_details_label (const char *text,
                   const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  /* Plain text: descriptions quote the user's notes. */
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), POPOVER_LINE_CHARS);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_halign (label, GTK_ALIGN_FILL);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
details_append_text (Details    *details,
                     const char *prefix,
                     const char *line)
{
  if (details->text == NULL)
    return;

  if (details->text->len > 0)
    g_string_append_c (details->text, '\n');
  if (prefix != NULL)
    g_string_append_printf (details->text, "%s  %s", prefix, line);
  else
    g_string_append (details->text, line);
}

static void
details_add_heading (Details    *details,
                     const char *heading)
{
  details_append_text (details, NULL, heading);

  if (details->grid != NULL)
    {
      GtkWidget *label = new_details_label (heading, "heading");

      if (details->row > 0)
        gtk_widget_set_margin_top (label, 12);
      details_add_label (details, label, 0, 2);
    }

  details->row++;
}

static void
details_add_item (Details    *details,
                  const char *prefix,
                  const char *prefix_class,
                  const char *line)
{
  details_append_text (details, prefix, line);

  if (details->grid != NULL)
    {
      GtkWidget *number = gtk_label_new (prefix);
      GtkWidget *label = new_details_label (line, NULL);

      /* As wide at least as at most: the grid's minimum width is then
       * its natural width, and the scrolled window measures the wrapped
       * height for the width it really gets, leaving no gap below. */
      gtk_label_set_width_chars (GTK_LABEL (label), POPOVER_LINE_CHARS);

      gtk_label_set_xalign (GTK_LABEL (number), 1);
      gtk_label_set_yalign (GTK_LABEL (number), 0);
      gtk_widget_set_valign (number, GTK_ALIGN_BASELINE);
      gtk_widget_set_valign (label, GTK_ALIGN_BASELINE);
      gtk_widget_add_css_class (number, "numeric");
      gtk_widget_add_css_class (number, prefix_class);
      details_add_label (details, number, 0, 1);
      details_add_label (details, label, 1, 1);
    }

  details->row++;
}

static void
details_add_note (Details    *details,
                  const char *line)
{
  details_append_text (details, NULL, line);

  if (details->grid != NULL)
    details_add_label (details, new_details_label (line, "dim-label"), 0, 2);

  details->row++;
}

static void
details_add_hint (Details    *details,
                  const char *title,
                  const char *body)
{
  details_append_text (details, NULL, title);
  details_append_text (details, NULL, body);

  if (details->grid != NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

      gtk_widget_add_css_class (box, "pitch-hint");
      gtk_widget_set_margin_top (box, 12);
      gtk_box_append (GTK_BOX (box), new_details_label (title, "heading"));
      gtk_box_append (GTK_BOX (box), new_details_label (body, NULL));
      details_add_label (details, box, 0, 2);
    }

  details->row++;
}

static void
build_details (NbTrustMeter *self,
               Details      *details)
{
  const char * const *steps;

  if (self->trust == NULL)
    {
      details_add_heading (details, _("No data yet"));
      details_add_note (details, _("Record conversations, meetings and what you learn about them: "
                                   "the scores grow from those facts."));
      return;
    }

  for (guint d = 0; d < NB_N_DIMENSIONS; d++)
    {
      GPtrArray *signals = nb_trust_get_signals (self->trust, (NbDimension) d);
      g_autofree char *heading = dimension_dup_heading ((NbDimension) d,
                                                        nb_trust_get_score (self->trust, (NbDimension) d));

      details_add_heading (details, heading);

      if (signals->len == 0)
        details_add_note (details, _("Nothing recorded yet"));

      for (guint i = 0; i < signals->len; i++)
        {
          const NbSignal *signal = g_ptr_array_index (signals, i);
          g_autofree char *points = dup_points (signal->points);

          details_add_item (details, points,
                            signal->points < 0 ? "error" : "dim-label",
                            signal->description);
        }
    }

  steps = nb_trust_get_next_steps (self->trust);
  if (steps[0] != NULL)
    {
      details_add_heading (details, _("Next steps"));
      for (guint i = 0; steps[i] != NULL; i++)
        {
          g_autofree char *number = g_strdup_printf ("%u.", i + 1);

          details_add_item (details, number, "dim-label", steps[i]);
        }
    }

  if (!nb_trust_get_pitch_ok (self->trust))
    details_add_hint (details,
                      _("Listen, don’t pitch yet"),
                      _("Trust is still low: ask about their needs and look for ways to help first."));
}

static void
rebuild_popover (NbTrustMeter *self)
{
  GtkWidget *grid;
  Details details = { NULL, NULL, 0 };

  g_assert (self->popover != NULL);

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 6);
  gtk_widget_set_margin_start (grid, 6);
  gtk_widget_set_margin_end (grid, 6);

  details.grid = GTK_GRID (grid);
  build_details (self, &details);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), grid);
}

static void
update_accessible_label (NbTrustMeter *self)
{
  g_autofree char *label = NULL;

  if (self->trust == NULL)
    label = g_strdup (_("Know, like and trust: no data yet"));
  else
    label = g_strdup_printf (_("Know %u, like %u, trust %u. Stage: %s"),
                             nb_trust_get_score (self->trust, NB_DIMENSION_KNOW),
                             nb_trust_get_score (self->trust, NB_DIMENSION_LIKE),
                             nb_trust_get_score (self->trust, NB_DIMENSION_TRUST),
                             nb_stage_get_label (nb_trust_get_stage (self->trust)));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
update (NbTrustMeter *self)
{
  for (guint d = 0; d < NB_N_DIMENSIONS; d++)
    {
      NbTrustMeterBar *bar = NB_TRUST_METER_BAR (self->bars[d]);

      if (self->trust != NULL)
        {
          guint score = nb_trust_get_score (self->trust, (NbDimension) d);
          g_autofree char *value = g_strdup_printf ("%u", score);

          gtk_label_set_text (GTK_LABEL (self->values[d]), value);
          self->to[d] = score / 100.0;
        }
      else
        {
          gtk_label_set_text (GTK_LABEL (self->values[d]), "");
          self->to[d] = 0;
        }

      self->from[d] = bar->fraction;
    }

  if (self->trust != NULL)
    {
      g_autofree char *stage = g_strdup_printf (_("Stage: %s"),
                                                nb_stage_get_label (nb_trust_get_stage (self->trust)));

      gtk_label_set_text (GTK_LABEL (self->stage), stage);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (self->stage), _("No data yet"));
    }

  /* The trust bar turns from caution to go once a pitch is welcome. */
  if (self->trust != NULL && nb_trust_get_pitch_ok (self->trust))
    gtk_widget_add_css_class (self->bars[NB_DIMENSION_TRUST], "pitch-ok");
  else
    gtk_widget_remove_css_class (self->bars[NB_DIMENSION_TRUST], "pitch-ok");

  update_accessible_label (self);

  /* Unmapped, or with animations off, this jumps straight to the end. */
  adw_animation_reset (self->animation);
  adw_animation_play (self->animation);
}

static void
on_animation_value_cb (double   value,
                       gpointer user_data)
{
  NbTrustMeter *self = user_data;

  for (guint d = 0; d < NB_N_DIMENSIONS; d++)
    nb_trust_meter_bar_set_fraction (NB_TRUST_METER_BAR (self->bars[d]),
                                     self->from[d] + (self->to[d] - self->from[d]) * value);
}

static void
on_popover_visible_changed_cb (NbTrustMeter *self)
{
  gboolean visible = gtk_widget_get_visible (self->popover);

  /* Like a menu button: pressed-looking while its popover is open. */
  if (visible)
    gtk_widget_set_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_CHECKED, FALSE);
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_CHECKED);

  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_EXPANDED, visible,
                               -1);
}

static void
on_click_pressed_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     NbTrustMeter    *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_set_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_ACTIVE, FALSE);
}

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      NbTrustMeter    *self)
{
  gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_ACTIVE);

  if (gtk_widget_contains (GTK_WIDGET (self), x, y))
    nb_trust_meter_show_details (self);
}

static void
on_click_stopped_cb (GtkGestureClick *gesture,
                     NbTrustMeter    *self)
{
  gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_ACTIVE);
}

static void
show_details_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  nb_trust_meter_show_details (NB_TRUST_METER (widget));
}

static void
nb_trust_meter_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  NbTrustMeter *self = NB_TRUST_METER (widget);

  gtk_widget_measure (self->grid, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static GtkSizeRequestMode
nb_trust_meter_get_request_mode (GtkWidget *widget)
{
  NbTrustMeter *self = NB_TRUST_METER (widget);

  return gtk_widget_get_request_mode (self->grid);
}

static void
nb_trust_meter_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  NbTrustMeter *self = NB_TRUST_METER (widget);

  gtk_widget_allocate (self->grid, width, height, baseline, NULL);

  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
nb_trust_meter_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  NbTrustMeter *self = NB_TRUST_METER (widget);

  GTK_WIDGET_CLASS (nb_trust_meter_parent_class)->css_changed (widget, change);

  /* The troughs are drawn in our text colour, which the bars' own
   * style does not know about: redraw them when it may have changed. */
  for (guint d = 0; d < NB_N_DIMENSIONS; d++)
    if (self->bars[d] != NULL)
      gtk_widget_queue_draw (self->bars[d]);
}

static void
nb_trust_meter_dispose (GObject *object)
{
  NbTrustMeter *self = NB_TRUST_METER (object);

  if (self->animation != NULL)
    adw_animation_skip (self->animation);
  g_clear_object (&self->animation);

  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_pointer (&self->grid, gtk_widget_unparent);
  /* They went with the grid. */
  for (guint d = 0; d < NB_N_DIMENSIONS; d++)
    self->names[d] = self->values[d] = self->bars[d] = NULL;
  self->stage = NULL;
  self->scroller = NULL;
  g_clear_object (&self->trust);

  G_OBJECT_CLASS (nb_trust_meter_parent_class)->dispose (object);
}

static void
nb_trust_meter_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  NbTrustMeter *self = NB_TRUST_METER (object);

  switch (prop_id)
    {
    case PROP_TRUST:
      g_value_set_object (value, self->trust);
      break;

    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_trust_meter_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  NbTrustMeter *self = NB_TRUST_METER (object);

  switch (prop_id)
    {
    case PROP_TRUST:
      nb_trust_meter_set_trust (self, g_value_get_object (value));
      break;

    case PROP_COMPACT:
      nb_trust_meter_set_compact (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_trust_meter_class_init (NbTrustMeterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_trust_meter_dispose;
  object_class->get_property = nb_trust_meter_get_property;
  object_class->set_property = nb_trust_meter_set_property;

  widget_class->measure = nb_trust_meter_measure;
  widget_class->get_request_mode = nb_trust_meter_get_request_mode;
  widget_class->size_allocate = nb_trust_meter_size_allocate;
  widget_class->css_changed = nb_trust_meter_css_changed;

  /**
   * NbTrustMeter:trust:
   *
   * The know-like-trust indicator shown, or %NULL for none yet.
   */
  properties[PROP_TRUST] =
    g_param_spec_object ("trust", NULL, NULL,
                         NB_TYPE_TRUST,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  /**
   * NbTrustMeter:compact:
   *
   * Three thin bars under each other, for phone width.
   */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "trust-meter.show-details", NULL, show_details_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "trust-meter.show-details", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Space, 0, "trust-meter.show-details", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "trust-meter.show-details", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0, "trust-meter.show-details", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "trust-meter.show-details", NULL);

  gtk_widget_class_set_css_name (widget_class, "trustmeter");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
nb_trust_meter_init (NbTrustMeter *self)
{
  GtkGesture *click;
  AdwAnimationTarget *target;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("Why these scores?"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE,
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_EXPANDED, FALSE,
                               -1);

  self->grid = gtk_grid_new ();
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));

  for (guint d = 0; d < NB_N_DIMENSIONS; d++)
    {
      self->names[d] = gtk_label_new (dimension_get_label ((NbDimension) d));
      gtk_label_set_xalign (GTK_LABEL (self->names[d]), 0);
      gtk_widget_add_css_class (self->names[d], "name");
      gtk_grid_attach (GTK_GRID (self->grid), self->names[d], 0, 0, 1, 1);

      self->values[d] = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (self->values[d]), 1);
      /* "100" fits, so compact rows line up whatever the scores. */
      gtk_label_set_width_chars (GTK_LABEL (self->values[d]), 3);
      gtk_widget_add_css_class (self->values[d], "value");
      gtk_widget_add_css_class (self->values[d], "numeric");
      gtk_grid_attach (GTK_GRID (self->grid), self->values[d], 0, 0, 1, 1);

      self->bars[d] = g_object_new (NB_TYPE_TRUST_METER_BAR,
                                    "hexpand", TRUE,
                                    "valign", GTK_ALIGN_CENTER,
                                    NULL);
      gtk_widget_add_css_class (self->bars[d], dimension_css_classes[d]);
      gtk_grid_attach (GTK_GRID (self->grid), self->bars[d], 0, 0, 1, 1);
    }

  self->stage = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->stage), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->stage), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->stage, "stage");
  gtk_widget_add_css_class (self->stage, "dim-label");
  gtk_grid_attach (GTK_GRID (self->grid), self->stage, 0, 0, 1, 1);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed_cb), self);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  g_signal_connect (click, "stopped", G_CALLBACK (on_click_stopped_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  target = adw_callback_animation_target_new (on_animation_value_cb, self, NULL);
  self->animation = adw_timed_animation_new (GTK_WIDGET (self), 0, 1, ANIMATION_MS, target);

  relayout (self);
  update (self);
}

GtkWidget *
nb_trust_meter_new (void)
{
  return g_object_new (NB_TYPE_TRUST_METER, NULL);
}

void
nb_trust_meter_set_trust (NbTrustMeter *self,
                          NbTrust      *trust)
{
  g_return_if_fail (NB_IS_TRUST_METER (self));
  g_return_if_fail (trust == NULL || NB_IS_TRUST (trust));

  if (!g_set_object (&self->trust, trust))
    return;

  update (self);
  if (self->popover != NULL && gtk_widget_get_visible (self->popover))
    rebuild_popover (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRUST]);
}

NbTrust *
nb_trust_meter_get_trust (NbTrustMeter *self)
{
  g_return_val_if_fail (NB_IS_TRUST_METER (self), NULL);

  return self->trust;
}

void
nb_trust_meter_set_compact (NbTrustMeter *self,
                            gboolean      compact)
{
  g_return_if_fail (NB_IS_TRUST_METER (self));

  compact = !!compact;
  if (self->compact == compact)
    return;

  self->compact = compact;
  if (compact)
    gtk_widget_add_css_class (GTK_WIDGET (self), "compact");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "compact");
  relayout (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}

gboolean
nb_trust_meter_get_compact (NbTrustMeter *self)
{
  g_return_val_if_fail (NB_IS_TRUST_METER (self), FALSE);

  return self->compact;
}

void
nb_trust_meter_show_details (NbTrustMeter *self)
{
  g_return_if_fail (NB_IS_TRUST_METER (self));

  if (self->popover == NULL)
    {
      self->popover = gtk_popover_new ();
      gtk_widget_add_css_class (self->popover, "trust-details");
      gtk_widget_set_parent (self->popover, GTK_WIDGET (self));

      self->scroller = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                      GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->scroller), POPOVER_MAX_HEIGHT);
      gtk_popover_set_child (GTK_POPOVER (self->popover), self->scroller);

      g_signal_connect_object (self->popover, "notify::visible",
                               G_CALLBACK (on_popover_visible_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  rebuild_popover (self);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

char *
nb_trust_meter_dup_details_text (NbTrustMeter *self)
{
  Details details = { NULL, NULL, 0 };

  g_return_val_if_fail (NB_IS_TRUST_METER (self), NULL);

  details.text = g_string_new (NULL);
  build_details (self, &details);

  return g_string_free (details.text, FALSE);
}
