/* test-trust-meter.c: the know-like-trust meter shows the scores and the
 * stage, explains them in a popover (user text never parsed as markup),
 * adapts to phone width and reads well in light and dark style.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>

#include "nb-gui-test.h"
#include "nb-trust-meter.h"

#define TODAY "2026-11-23"
#define PERSON_ID 1
#define MARKUP_TEXT "<b>bold</b> & co"

static void
add_entry (GPtrArray   *entries,
           NbEntryKind  kind,
           const char  *date,
           const char  *text)
{
  g_ptr_array_add (entries, nb_entry_new (kind, PERSON_ID, date, text));
}

/* Maria: met in May, two conversations, a 1-to-1, one favour done and a
 * promise (@promise) overdue since November. */
static NbTrust *
new_trust (const char *promise)
{
  g_autoptr(NbPerson) person = nb_person_new ("Maria Rossi");
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  NbEntry *follow_up;

  nb_person_set_id (person, PERSON_ID);
  nb_person_set_field (person, NB_PERSON_TARGET_MARKET, "Restaurants opening a second site");
  nb_person_set_field (person, NB_PERSON_WORK_LIKES, "Seeing a brand come alive");
  nb_person_set_field (person, NB_PERSON_INTERESTS, "Cycling, jazz");
  nb_person_set_field (person, NB_PERSON_MET_DATE, "2026-05-02");
  nb_person_set_rapport (person, 4);

  add_entry (entries, NB_ENTRY_CONVERSATION, "2026-05-02", "Coffee at the chamber breakfast");
  add_entry (entries, NB_ENTRY_CONVERSATION, "2026-09-10", "Phone call about the print fair");
  add_entry (entries, NB_ENTRY_MEETING, "2026-10-01", "1-to-1 at her studio");
  add_entry (entries, NB_ENTRY_HELP_GIVEN, "2026-10-15", "Sent her the printer's contact");

  follow_up = nb_entry_new (NB_ENTRY_FOLLOW_UP, PERSON_ID, "2026-10-01", promise);
  nb_entry_set_due (follow_up, "2026-11-01");
  g_ptr_array_add (entries, follow_up);

  return nb_trust_compute (person, entries, TODAY);
}

/* Tom: known for years, many 1-to-1s, referrals both ways: trust is
 * earned and a pitch is welcome. */
static NbTrust *
new_strong_trust (void)
{
  g_autoptr(NbPerson) person = nb_person_new ("Tom O'Brien");
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  static const NbPersonField fields[] = {
    NB_PERSON_TARGET_MARKET, NB_PERSON_WORK_LIKES, NB_PERSON_INDUSTRY_NEWS,
    NB_PERSON_CAREER_ORIGIN, NB_PERSON_OFFERS, NB_PERSON_INTERESTS,
  };

  nb_person_set_id (person, PERSON_ID);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    nb_person_set_field (person, fields[i], "Known");
  nb_person_set_field (person, NB_PERSON_MET_DATE, "2023-03-01");
  nb_person_set_rapport (person, 5);

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-0%u-10", i + 5);
      NbEntry *kept = nb_entry_new (NB_ENTRY_FOLLOW_UP, PERSON_ID, date, "Send the intro");

      add_entry (entries, NB_ENTRY_MEETING, date, "1-to-1");
      add_entry (entries, NB_ENTRY_CONVERSATION, date, "Call");
      nb_entry_set_status (kept, NB_STATUS_DONE);
      g_ptr_array_add (entries, kept);
    }
  add_entry (entries, NB_ENTRY_DREAM, "2026-05-10", "A second office");
  add_entry (entries, NB_ENTRY_CHALLENGE, "2026-05-10", "Hiring");
  add_entry (entries, NB_ENTRY_REFERRAL_GIVEN, "2026-09-01", "Roof for the bakery");
  add_entry (entries, NB_ENTRY_REFERRAL_RECEIVED, "2026-10-01", "Design job");
  add_entry (entries, NB_ENTRY_HELP_RECEIVED, "2026-11-01", "Fixed my gutter");
  add_entry (entries, NB_ENTRY_CONVERSATION, "2026-11-20", "Catch-up");

  return nb_trust_compute (person, entries, TODAY);
}

static GtkWidget *
new_window (GtkWidget *meter,
            int        width)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_box_append (GTK_BOX (box), meter);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), width, -1);

  return window;
}

/* GTK 4.8 starts its tooltip delay on every pointer crossing, and if the
 * surface is destroyed before the delay ends the timeout later asks a
 * NULL surface for the pointer (a critical, fatal here). Xvfb's pointer
 * rests wherever a window or popover happens to map, so let the delay
 * pass before destroying. */
static void
destroy_window (GtkWidget *window)
{
  nb_gui_test_spin (600);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
contains_line (const char *text,
               const char *line)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strv_contains ((const char * const *) lines, line);
}

/* The first label under @root whose text contains @needle. */
static GtkWidget *
find_label_containing (GtkWidget  *root,
                       const char *needle)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), needle) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_containing (child, needle);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_meter_details (void)
{
  g_autoptr(NbTrust) trust = new_trust ("Send the printer contact");
  GtkWidget *meter = nb_trust_meter_new ();
  g_autofree char *text = NULL;
  g_autofree char *know = NULL;
  g_autofree char *like = NULL;
  g_autofree char *trust_heading = NULL;
  g_autofree char *step = NULL;
  g_autofree char *accessible = NULL;
  const char * const *steps;

  g_object_ref_sink (meter);
  nb_trust_meter_set_trust (NB_TRUST_METER (meter), trust);
  g_assert_true (nb_trust_meter_get_trust (NB_TRUST_METER (meter)) == trust);

  know = g_strdup_printf ("Know %u", nb_trust_get_score (trust, NB_DIMENSION_KNOW));
  like = g_strdup_printf ("Like %u", nb_trust_get_score (trust, NB_DIMENSION_LIKE));
  trust_heading = g_strdup_printf ("Trust %u", nb_trust_get_score (trust, NB_DIMENSION_TRUST));
  g_assert_cmpuint (nb_trust_get_score (trust, NB_DIMENSION_KNOW), >, 0);
  g_assert_false (nb_trust_get_pitch_ok (trust));

  text = nb_trust_meter_dup_details_text (NB_TRUST_METER (meter));
  g_test_message ("details:\n%s", text);

  /* Scores, signals with their points, next steps in order, the hint. */
  g_assert_true (g_str_has_prefix (text, know));
  g_assert_true (contains_line (text, know));
  g_assert_true (contains_line (text, like));
  g_assert_true (contains_line (text, trust_heading));
  g_assert_true (contains_line (text, "+12  knows their target market"));
  g_assert_true (contains_line (text, "+20  common ground: you know their interests"));
  g_assert_true (contains_line (text, "−10  promise overdue since 2026-11-01: “Send the printer contact”"));
  g_assert_true (contains_line (text, "Next steps"));
  steps = nb_trust_get_next_steps (trust);
  g_assert_nonnull (steps[0]);
  for (guint i = 0; steps[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup_printf ("%u.  %s", i + 1, steps[i]);

      g_assert_true (contains_line (text, line));
    }
  step = g_strdup_printf ("1.  %s", steps[0]);
  g_assert_true (strstr (step, "Follow up on the overdue promise") != NULL);
  g_assert_true (strstr (text, know) < strstr (text, like));
  g_assert_true (strstr (text, trust_heading) < strstr (text, "Next steps"));
  g_assert_true (contains_line (text, "Listen, don’t pitch yet"));

  /* The meter itself: the numbers and the stage. */
  g_assert_nonnull (nb_gui_test_find_label (meter, "Know"));
  g_assert_nonnull (nb_gui_test_find_label (meter, "Like"));
  g_assert_nonnull (nb_gui_test_find_label (meter, "Trust"));
  {
    g_autofree char *score = g_strdup_printf ("%u", nb_trust_get_score (trust, NB_DIMENSION_TRUST));

    g_assert_nonnull (nb_gui_test_find_label (meter, score));
  }
  g_assert_nonnull (nb_gui_test_find_label (meter, "Stage: Visibility"));

  /* A button that says what it shows. */
  g_assert_true (gtk_widget_get_focusable (meter));
  g_assert_cmpstr (gtk_widget_get_css_name (meter), ==, "trustmeter");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (meter), ==, "Why these scores?");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (meter), GTK_ACCESSIBLE_ROLE_BUTTON);
  accessible = g_strdup_printf ("Know %u, like %u, trust %u. Stage: Visibility",
                                nb_trust_get_score (trust, NB_DIMENSION_KNOW),
                                nb_trust_get_score (trust, NB_DIMENSION_LIKE),
                                nb_trust_get_score (trust, NB_DIMENSION_TRUST));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (meter), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible);

  g_assert_finalize_object (meter);
}

static void
test_meter_empty (void)
{
  GtkWidget *meter = nb_trust_meter_new ();
  g_autoptr(NbTrust) trust = new_trust ("Send the printer contact");
  g_autofree char *text = NULL;

  g_object_ref_sink (meter);
  g_assert_null (nb_trust_meter_get_trust (NB_TRUST_METER (meter)));
  g_assert_nonnull (nb_gui_test_find_label (meter, "No data yet"));
  text = nb_trust_meter_dup_details_text (NB_TRUST_METER (meter));
  g_assert_true (g_str_has_prefix (text, "No data yet"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (meter), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Know, like and trust: no data yet");

  /* Setting and clearing notifies and comes back to the empty meter. */
  nb_trust_meter_set_trust (NB_TRUST_METER (meter), trust);
  g_assert_null (nb_gui_test_find_label (meter, "No data yet"));
  nb_trust_meter_set_trust (NB_TRUST_METER (meter), NULL);
  g_assert_null (nb_trust_meter_get_trust (NB_TRUST_METER (meter)));
  g_assert_nonnull (nb_gui_test_find_label (meter, "No data yet"));
  g_clear_pointer (&text, g_free);
  text = nb_trust_meter_dup_details_text (NB_TRUST_METER (meter));
  g_assert_true (g_str_has_prefix (text, "No data yet"));

  g_assert_finalize_object (meter);
  g_assert_finalize_object (g_steal_pointer (&trust));
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              gpointer    data)
{
  guint *count = data;

  (*count)++;
}

static void
test_meter_compact (void)
{
  g_autoptr(NbTrust) trust = new_trust ("Send the printer contact");
  GtkWidget *meter = nb_trust_meter_new ();
  int wide_width, wide_height, compact_width, compact_height;
  guint notified = 0;

  g_object_ref_sink (meter);
  nb_trust_meter_set_trust (NB_TRUST_METER (meter), trust);
  g_signal_connect (meter, "notify::compact", G_CALLBACK (on_notify_cb), &notified);

  g_assert_false (nb_trust_meter_get_compact (NB_TRUST_METER (meter)));
  gtk_widget_measure (meter, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &wide_width, NULL, NULL);
  gtk_widget_measure (meter, GTK_ORIENTATION_VERTICAL, -1, NULL, &wide_height, NULL, NULL);

  nb_trust_meter_set_compact (NB_TRUST_METER (meter), TRUE);
  nb_trust_meter_set_compact (NB_TRUST_METER (meter), TRUE);
  g_assert_true (nb_trust_meter_get_compact (NB_TRUST_METER (meter)));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (gtk_widget_has_css_class (meter, "compact"));
  gtk_widget_measure (meter, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &compact_width, NULL, NULL);
  gtk_widget_measure (meter, GTK_ORIENTATION_VERTICAL, -1, NULL, &compact_height, NULL, NULL);
  g_test_message ("wide %d×%d, compact %d×%d", wide_width, wide_height, compact_width, compact_height);

  /* Stacked bars: taller and narrower than the row. */
  g_assert_cmpint (compact_height, >, wide_height);
  g_assert_cmpint (compact_width, <, wide_width);

  g_object_set (meter, "compact", FALSE, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_false (gtk_widget_has_css_class (meter, "compact"));

  g_assert_finalize_object (meter);
}

static GtkWidget *
find_bar (GtkWidget  *meter,
          const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (gtk_widget_get_first_child (meter));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_strcmp0 (gtk_widget_get_css_name (child), "bar") == 0 &&
          gtk_widget_has_css_class (child, css_class))
        return child;
    }

  g_assert_not_reached ();
}

static void
read_pixel (GdkTexture *texture,
            int         x,
            int         y,
            double     *luminance)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = (gsize) width * 4;
  g_autofree guchar *data = g_malloc ((gsize) height * stride);
  const guchar *p;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, width);
  g_assert_cmpint (y, <, height);

  gdk_texture_download (texture, data, stride);
  p = data + (gsize) y * stride + (gsize) x * 4;
  /* B G R A on little endian, premultiplied. */
  *luminance = (0.0722 * p[0] + 0.7152 * p[1] + 0.2126 * p[2]) / 255.0;
}

/* Renders the meter in a window, saves the picture and checks that the
 * empty end of the trust trough stands out from the background. */
static void
render_meter (const char *name,
              NbTrust    *trust,
              gboolean    compact,
              gboolean    dark,
              int         width,
              double     *out_luminance)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *meter = nb_trust_meter_new ();
  GtkWidget *window;

  adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                  : ADW_COLOR_SCHEME_FORCE_LIGHT);
  nb_trust_meter_set_trust (NB_TRUST_METER (meter), trust);
  nb_trust_meter_set_compact (NB_TRUST_METER (meter), compact);
  window = new_window (meter, width);
  gtk_window_present (GTK_WINDOW (window));
  nb_gui_test_wait_drawn (window);

  texture = nb_gui_test_screenshot (window, name);
  *out_luminance = nb_gui_test_luminance (texture);

  /* The troughs show against the background: at the empty end of the
   * weakest bar, and under the fill at the start of the strongest. */
  for (guint d = 0; d < NB_N_DIMENSIONS; d++)
    {
      static const char * const classes[] = { "know", "like", "trust" };
      guint score = trust != NULL ? nb_trust_get_score (trust, (NbDimension) d) : 0;
      GtkWidget *bar = find_bar (meter, classes[d]);
      graphene_rect_t bounds;
      double x, y, inside, outside;

      g_assert_true (gtk_widget_compute_bounds (bar, window, &bounds));
      g_assert_cmpfloat (bounds.size.width, >=, 48);
      g_assert_cmpfloat (bounds.size.height, >=, 6);

      y = bounds.origin.y + bounds.size.height / 2;
      if (score < 90)
        x = bounds.origin.x + bounds.size.width - bounds.size.height - 1;
      else
        x = bounds.origin.x + bounds.size.height + 1;

      read_pixel (texture, (int) x, (int) y, &inside);
      read_pixel (texture, (int) x, (int) (bounds.origin.y - 2), &outside);
      g_test_message ("%s: %s bar %.3f, background %.3f", name, classes[d], inside, outside);
      g_assert_cmpfloat (fabs (inside - outside), >, 0.05);
    }

  destroy_window (window);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_meter_screenshots (void)
{
  g_autoptr(NbTrust) trust = new_trust ("Send the printer contact");
  double light, dark;

  render_meter ("trust-meter-wide-light", trust, FALSE, FALSE, 560, &light);
  render_meter ("trust-meter-wide-dark", trust, FALSE, TRUE, 560, &dark);
  g_assert_cmpfloat (light, >, 0.6);
  g_assert_cmpfloat (dark, <, 0.4);

  render_meter ("trust-meter-compact-light", trust, TRUE, FALSE, 360, &light);
  render_meter ("trust-meter-compact-dark", trust, TRUE, TRUE, 360, &dark);
  g_assert_cmpfloat (light, >, 0.6);
  g_assert_cmpfloat (dark, <, 0.4);

  render_meter ("trust-meter-empty-light", NULL, FALSE, FALSE, 560, &light);
  render_meter ("trust-meter-empty-dark", NULL, TRUE, TRUE, 360, &dark);
  g_assert_cmpfloat (light, >, 0.6);
  g_assert_cmpfloat (dark, <, 0.4);
}

static void
test_meter_pitch_ok (void)
{
  g_autoptr(NbTrust) trust = new_strong_trust ();
  g_autofree char *text = NULL;
  g_autofree char *stage = NULL;
  GtkWidget *meter = nb_trust_meter_new ();
  GtkWidget *bar;
  double light, dark;

  g_object_ref_sink (meter);
  g_assert_true (nb_trust_get_pitch_ok (trust));
  nb_trust_meter_set_trust (NB_TRUST_METER (meter), trust);

  /* No "listen" hint once trust is earned; the trust bar says go. */
  text = nb_trust_meter_dup_details_text (NB_TRUST_METER (meter));
  g_test_message ("details:\n%s", text);
  g_assert_null (strstr (text, "Listen, don’t pitch yet"));
  stage = g_strdup_printf ("Stage: %s", nb_stage_get_label (nb_trust_get_stage (trust)));
  g_assert_nonnull (nb_gui_test_find_label (meter, stage));
  bar = find_bar (meter, "trust");
  g_assert_true (gtk_widget_has_css_class (bar, "pitch-ok"));

  nb_trust_meter_set_trust (NB_TRUST_METER (meter), NULL);
  g_assert_false (gtk_widget_has_css_class (bar, "pitch-ok"));
  g_assert_finalize_object (meter);

  render_meter ("trust-meter-strong-light", trust, FALSE, FALSE, 560, &light);
  render_meter ("trust-meter-strong-compact-dark", trust, TRUE, TRUE, 360, &dark);
  g_assert_cmpfloat (light, >, 0.6);
  g_assert_cmpfloat (dark, <, 0.4);
}

static void
test_meter_popover (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(NbTrust) trust = new_trust (MARKUP_TEXT);
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *meter = nb_trust_meter_new ();
  GtkWidget *window;
  GtkWidget *popover;
  GtkWidget *label;
  PangoLayout *layout;
  g_autofree char *text = NULL;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  nb_trust_meter_set_trust (NB_TRUST_METER (meter), trust);
  window = new_window (meter, 560);
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 640);
  g_object_add_weak_pointer (G_OBJECT (meter), (gpointer *) &meter);
  gtk_window_present (GTK_WINDOW (window));
  nb_gui_test_wait_drawn (window);

  /* User text is quoted as typed, in the details and on screen. */
  text = nb_trust_meter_dup_details_text (NB_TRUST_METER (meter));
  g_assert_true (strstr (text, "“" MARKUP_TEXT "”") != NULL);
  g_assert_true (contains_line (text, "−10  promise overdue since 2026-11-01: “" MARKUP_TEXT "”"));

  g_assert_null (nb_gui_test_find (meter, GTK_TYPE_POPOVER));
  nb_trust_meter_show_details (NB_TRUST_METER (meter));
  popover = nb_gui_test_find (meter, GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_true (gtk_widget_get_state_flags (meter) & GTK_STATE_FLAG_CHECKED);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (meter), GTK_ACCESSIBLE_STATE_EXPANDED, TRUE);
  nb_gui_test_wait_drawn (popover);

  /* Both the signal and the next step show the text literally. */
  label = find_label_containing (popover, "promise overdue since");
  g_assert_nonnull (label);
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (label)));
  layout = gtk_label_get_layout (GTK_LABEL (label));
  g_assert_true (strstr (pango_layout_get_text (layout), MARKUP_TEXT) != NULL);
  label = find_label_containing (popover, "Follow up on the overdue promise");
  g_assert_nonnull (label);
  g_assert_true (strstr (gtk_label_get_text (GTK_LABEL (label)), MARKUP_TEXT) != NULL);
  g_assert_nonnull (find_label_containing (popover, "Listen, don’t pitch yet"));
  g_assert_nonnull (nb_gui_test_find_label (popover, "Next steps"));

  texture = nb_gui_test_screenshot (popover, "trust-meter-popover-light");
  g_clear_object (&texture);
  /* The meter looks pressed while its popover is open. */
  nb_gui_test_spin (300);
  nb_gui_test_wait_drawn (window);
  texture = nb_gui_test_screenshot (window, "trust-meter-open-light");
  g_clear_object (&texture);

  /* Closing it, and opening it from the keyboard (Enter/Space). */
  gtk_popover_popdown (GTK_POPOVER (popover));
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_false (gtk_widget_get_state_flags (meter) & GTK_STATE_FLAG_CHECKED);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (meter), GTK_ACCESSIBLE_STATE_EXPANDED, FALSE);
  /* Keyboard focus shows a focus ring. */
  gtk_widget_grab_focus (meter);
  g_assert_true (gtk_widget_has_focus (meter));
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  nb_gui_test_spin (300);
  nb_gui_test_wait_drawn (window);
  texture = nb_gui_test_screenshot (window, "trust-meter-focused-light");
  g_clear_object (&texture);

  g_assert_true (gtk_widget_activate_action (meter, "trust-meter.show-details", NULL));
  g_assert_true (gtk_widget_get_visible (popover));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  nb_gui_test_wait_drawn (popover);
  texture = nb_gui_test_screenshot (popover, "trust-meter-popover-dark");
  g_assert_cmpfloat (nb_gui_test_luminance (texture), <, 0.4);
  g_clear_object (&texture);

  /* A new trust while open updates the open popover. */
  nb_trust_meter_set_trust (NB_TRUST_METER (meter), NULL);
  g_assert_nonnull (nb_gui_test_find_label (popover, "No data yet"));
  g_assert_null (find_label_containing (popover, "promise overdue since"));

  destroy_window (window);
  g_assert_null (meter);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_meter_animates (void)
{
  g_autoptr(NbTrust) trust = new_trust ("Send the printer contact");
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *meter = nb_trust_meter_new ();
  GtkWidget *window;

  /* Scores that arrive while the meter is on screen glide into place
   * and end where they should. */
  window = new_window (meter, 560);
  gtk_window_present (GTK_WINDOW (window));
  nb_gui_test_wait_drawn (window);
  nb_trust_meter_set_trust (NB_TRUST_METER (meter), trust);
  nb_gui_test_spin (400);
  nb_gui_test_wait_drawn (window);
  g_assert_nonnull (nb_gui_test_find_label (meter, "Stage: Visibility"));
  texture = nb_gui_test_screenshot (window, "trust-meter-animated-light");

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  /* The test accessibility backend records roles, properties and states
   * so the meter's accessible label can be checked. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  nb_gui_test_init (&argc, &argv);

  g_test_add_func ("/trust-meter/details", test_meter_details);
  g_test_add_func ("/trust-meter/empty", test_meter_empty);
  g_test_add_func ("/trust-meter/compact", test_meter_compact);
  g_test_add_func ("/trust-meter/screenshots", test_meter_screenshots);
  g_test_add_func ("/trust-meter/pitch-ok", test_meter_pitch_ok);
  g_test_add_func ("/trust-meter/popover", test_meter_popover);
  g_test_add_func ("/trust-meter/animates", test_meter_animates);

  return nb_gui_test_run ();
}
