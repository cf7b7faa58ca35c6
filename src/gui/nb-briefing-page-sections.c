/* nb-briefing-page-sections.c: what NbBriefingPage shows, section by
 * section, in the order of UX.md. Text from the notebook goes into plain
 * labels only: a name like "<b>Bob</b>" is shown as typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-briefing-page-private.h"
#include "nb-date.h"
#include "nb-gui-util.h"

static gboolean
has_text (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return TRUE;

  return FALSE;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* A plain-text label: user text is never parsed as markup, and never
 * laid out beyond a preview (a GtkLabel with a 10 MB note never finishes
 * drawing; the person page has the whole text). */
static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  g_autofree char *preview = nb_text_preview (text, NB_PREVIEW_LONG_CHARS, NB_PREVIEW_LONG_LINES);
  GtkWidget *label = gtk_label_new (preview);

  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
add_line (GtkBox     *box,
          const char *text,
          const char *css_class)
{
  GtkWidget *label = new_label (text, css_class);

  gtk_box_append (box, label);
  return label;
}

/* A list item: a marker ("•", "2."), the text, and an optional second
 * line in a smaller type (dates, status). */
static GtkWidget *
add_item (GtkBox     *box,
          const char *marker,
          const char *text,
          const char *meta,
          const char *meta_class)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *mark = gtk_label_new (marker);
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_widget_set_valign (mark, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (mark), 1);
  gtk_widget_add_css_class (mark, "briefing-marker");
  gtk_widget_set_hexpand (column, TRUE);

  gtk_box_append (GTK_BOX (column), new_label (text, NULL));
  if (meta != NULL)
    {
      GtkWidget *label = new_label (meta, "caption");

      gtk_widget_add_css_class (label, meta_class != NULL ? meta_class : "dim-label");
      gtk_box_append (GTK_BOX (column), label);
    }

  gtk_box_append (GTK_BOX (row), mark);
  gtk_box_append (GTK_BOX (row), column);
  gtk_box_append (box, row);

  return row;
}

static void
update_header (NbBriefingPage *self)
{
  NbPerson *person = nb_briefing_get_person (self->briefing);
  g_autofree char *today = nb_date_format_long (nb_briefing_get_today (self->briefing));
  /* Translators: above the name on the briefing; %s is today's date */
  g_autofree char *kicker = g_strdup_printf (_("Briefing · %s"), today);

  nb_avatar_set_person (self->avatar, person);
  gtk_widget_set_visible (GTK_WIDGET (self->avatar), TRUE);
  gtk_label_set_text (self->kicker_label, kicker);
  gtk_label_set_text (self->name_label, nb_person_get_display_name (person));
}

static void
update_who (NbBriefingPage *self)
{
  NbPerson *person = nb_briefing_get_person (self->briefing);
  NbPerson *introducer = nb_briefing_get_introducer (self->briefing);
  const char *role = nb_person_get_role (person);
  const char *company = nb_person_get_company (person);
  const char *met_date = nb_person_get_field (person, NB_PERSON_MET_DATE);
  const char *met_where = nb_person_get_field (person, NB_PERSON_MET_WHERE);
  gboolean any = FALSE;

  clear_box (self->who_body);

  if (has_text (role) && has_text (company))
    {
      /* Translators: "Accountant at Smith & Co" */
      g_autofree char *line = g_strdup_printf (_("%s at %s"), role, company);

      add_line (self->who_body, line, NULL);
      any = TRUE;
    }
  else if (has_text (role) || has_text (company))
    {
      add_line (self->who_body, has_text (role) ? role : company, NULL);
      any = TRUE;
    }

  if (nb_date_is_valid_iso (met_date) || has_text (met_where))
    {
      g_autofree char *when = nb_date_is_valid_iso (met_date) ? nb_date_format_long (met_date) : NULL;
      g_autofree char *ago = NULL;
      g_autofree char *line = NULL;

      if (when != NULL && has_text (met_where))
        /* Translators: "Met on 2 May 2024 at the BNI breakfast" */
        line = g_strdup_printf (_("Met on %s at %s"), when, met_where);
      else if (when != NULL)
        line = g_strdup_printf (_("Met on %s"), when);
      else
        line = g_strdup_printf (_("Met at %s"), met_where);

      add_line (self->who_body, line, NULL);
      if (when != NULL)
        {
          ago = nb_date_format_relative (met_date, nb_briefing_get_today (self->briefing));
          add_line (self->who_body, ago, "dim-label");
        }
      any = TRUE;
    }

  if (introducer != NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *link = gtk_button_new ();
      GtkWidget *name = gtk_label_new (nb_person_get_display_name (introducer));

      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_button_set_child (GTK_BUTTON (link), name);
      gtk_widget_add_css_class (link, "link");
      gtk_widget_add_css_class (link, "briefing-inline-link");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (link), "briefing.open-person");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (link),
                                              g_variant_new_int64 (nb_person_get_id (introducer)));
      gtk_box_append (GTK_BOX (box), gtk_label_new (_("Introduced by")));
      gtk_box_append (GTK_BOX (box), link);
      gtk_box_append (self->who_body, box);
      any = TRUE;
    }

  if (!any)
    add_line (self->who_body, _("Nothing recorded yet about their work or how you met."), "dim-label");
}

static void
update_standing (NbBriefingPage *self)
{
  NbTrust *trust = nb_briefing_get_trust (self->briefing);
  g_autofree char *stage = NULL;
  g_autofree char *scores = NULL;

  clear_box (self->standing_body);

  stage = g_strdup_printf (_("Stage: %s"), nb_stage_get_label (nb_trust_get_stage (trust)));
  add_line (self->standing_body, stage, NULL);

  scores = g_strdup_printf (_("Know %u · Like %u · Trust %u (out of 100)"),
                            nb_trust_get_score (trust, NB_DIMENSION_KNOW),
                            nb_trust_get_score (trust, NB_DIMENSION_LIKE),
                            nb_trust_get_score (trust, NB_DIMENSION_TRUST));
  add_line (self->standing_body, scores, "dim-label");

  if (nb_trust_get_going_cold (trust))
    {
      int days = nb_trust_get_days_since_contact (trust);
      g_autofree char *line = NULL;

      if (days >= 0)
        line = g_strdup_printf (ngettext ("Going cold: no contact for %d day",
                                          "Going cold: no contact for %d days",
                                          days),
                                days);
      else
        line = g_strdup (_("Going cold: no contact since you met"));

      add_line (self->standing_body, line, "warning");
    }

  gtk_widget_set_visible (self->hint_box, !nb_trust_get_pitch_ok (trust));
}

static void
update_last_time (NbBriefingPage *self)
{
  NbEntry *entry = nb_briefing_get_last_conversation (self->briefing);
  g_autofree char *when = NULL;
  g_autofree char *ago = NULL;
  g_autofree char *line = NULL;

  clear_box (self->last_body);

  if (entry == NULL)
    {
      add_line (self->last_body, _("No conversation or meeting recorded yet."), "dim-label");
      return;
    }

  when = nb_date_format_long (nb_entry_get_date (entry));
  ago = nb_date_format_relative (nb_entry_get_date (entry), nb_briefing_get_today (self->briefing));
  /* Translators: "2 May 2024 (3 weeks ago), Meeting" */
  line = g_strdup_printf (_("%s (%s), %s"), when, ago,
                          nb_entry_kind_get_label (nb_entry_get_kind (entry)));
  add_line (self->last_body, line, "dim-label");

  if (has_text (nb_entry_get_text (entry)))
    add_line (self->last_body, nb_entry_get_text (entry), NULL);
}

static void
update_open_items (NbBriefingPage *self)
{
  static const NbEntryKind kinds[] = { NB_ENTRY_DREAM, NB_ENTRY_CHALLENGE, NB_ENTRY_NEED };
  guint n = 0;

  clear_box (self->items_body);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GPtrArray *items = nb_briefing_get_open_items (self->briefing, kinds[k]);

      for (guint i = 0; i < items->len; i++)
        {
          NbEntry *entry = g_ptr_array_index (items, i);
          g_autofree char *since = nb_date_format_long (nb_entry_get_date (entry));
          /* Translators: under an open item: "Challenge · since 2 May 2024" */
          g_autofree char *meta = g_strdup_printf (_("%s · since %s"),
                                                   nb_entry_kind_get_label (kinds[k]), since);

          add_item (self->items_body, "•", nb_entry_get_text (entry), meta, NULL);
          n++;
        }
    }

  if (n == 0)
    add_line (self->items_body,
              _("None open: ask about their challenges for the next 6 to 12 months and their dreams."),
              "dim-label");
}

static void
update_promises (NbBriefingPage *self)
{
  GPtrArray *promises = nb_briefing_get_promises (self->briefing);
  const char *today = nb_briefing_get_today (self->briefing);

  clear_box (self->promises_body);

  /* The briefing already sorts them overdue first, then by due date. */
  for (guint i = 0; i < promises->len; i++)
    {
      NbEntry *entry = g_ptr_array_index (promises, i);
      const char *due = nb_entry_get_due (entry);
      g_autofree char *due_long = NULL;
      g_autofree char *ago = NULL;
      g_autofree char *meta = NULL;
      gboolean overdue = nb_entry_is_overdue (entry, today);

      if (nb_date_is_valid_iso (due))
        {
          due_long = nb_date_format_long (due);
          ago = nb_date_format_relative (due, today);
          if (overdue)
            /* Translators: "Overdue · due 10 November 2026 (2 weeks ago)" */
            meta = g_strdup_printf (_("Overdue · due %s (%s)"), due_long, ago);
          else
            /* Translators: "Due 1 December 2026 (in 1 week)" */
            meta = g_strdup_printf (_("Due %s (%s)"), due_long, ago);
        }

      add_item (self->promises_body, "•", nb_entry_get_text (entry), meta,
                overdue ? "error" : NULL);
    }

  if (promises->len == 0)
    add_line (self->promises_body, _("No open promises."), "dim-label");
}

static void
update_upcoming (NbBriefingPage *self)
{
  GPtrArray *meetings = nb_briefing_get_upcoming_meetings (self->briefing);

  clear_box (self->upcoming_body);
  gtk_widget_set_visible (self->upcoming_section, meetings->len > 0);

  for (guint i = 0; i < meetings->len; i++)
    {
      NbEntry *entry = g_ptr_array_index (meetings, i);
      g_autofree char *when = nb_date_format_long (nb_entry_get_date (entry));
      g_autofree char *soon = nb_date_format_relative (nb_entry_get_date (entry),
                                                       nb_briefing_get_today (self->briefing));
      g_autofree char *date = g_strdup_printf ("%s (%s)", when, soon);

      if (has_text (nb_entry_get_text (entry)))
        add_item (self->upcoming_body, "•", nb_entry_get_text (entry), date, NULL);
      else
        add_item (self->upcoming_body, "•", date, NULL, NULL);
    }
}

static void
update_goodwill (NbBriefingPage *self)
{
  g_autofree char *given = g_strdup_printf ("%u", nb_briefing_get_given (self->briefing));
  g_autofree char *received = g_strdup_printf ("%u", nb_briefing_get_received (self->briefing));

  gtk_label_set_text (self->given_label, given);
  gtk_label_set_text (self->received_label, received);
  gtk_widget_set_visible (self->goodwill_hint, nb_briefing_get_given (self->briefing) == 0);
}

static void
set_field_label (GtkLabel   *label,
                 const char *value,
                 const char *when_empty)
{
  gboolean empty = !has_text (value);
  g_autofree char *preview = nb_text_preview (value, NB_PREVIEW_LONG_CHARS, NB_PREVIEW_LONG_LINES);

  gtk_label_set_text (label, empty ? when_empty : preview);
  if (empty)
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
}

static void
update_fields (NbBriefingPage *self)
{
  NbPerson *person = nb_briefing_get_person (self->briefing);

  set_field_label (self->referral_label,
                   nb_person_get_field (person, NB_PERSON_TARGET_MARKET),
                   _("Not known yet: ask who their ideal client is."));
  set_field_label (self->common_label,
                   nb_person_get_field (person, NB_PERSON_INTERESTS),
                   _("Nothing recorded yet: find out what they enjoy outside work."));
}

static void
update_questions (NbBriefingPage *self)
{
  NbTrust *trust = nb_briefing_get_trust (self->briefing);
  guint n = 0;

  clear_box (self->questions_body);

  for (guint q = 0; q < NB_N_QUESTIONS; q++)
    if (!nb_trust_is_question_answered (trust, (NbQuestion) q))
      {
        add_item (self->questions_body, "•", nb_question_get_text ((NbQuestion) q), NULL, NULL);
        n++;
      }

  if (n == 0)
    add_line (self->questions_body, _("You know the answers to all the interview questions."),
              "dim-label");
}

static GtkWidget *
new_helper_row (NbBriefingHelper *helper)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *avatar = adw_avatar_new (32, NULL, TRUE);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  g_autofree char *what = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *reason = nb_text_preview (helper->reason != NULL ? helper->reason : "",
                                             NB_PREVIEW_SHORT_CHARS, NB_PREVIEW_SHORT_LINES);

  if (helper->entry != NULL)
    {
      g_autofree char *need = nb_text_preview (nb_entry_get_text (helper->entry),
                                               NB_PREVIEW_SHORT_CHARS, NB_PREVIEW_SHORT_LINES);

      if (nb_entry_get_kind (helper->entry) == NB_ENTRY_NEED)
        what = g_strdup_printf (_("for their need “%s”"), need);
      else
        what = g_strdup_printf (_("for their challenge “%s”"), need);
    }

  if (has_text (reason) && what != NULL)
    /* Translators: under a helper's name: "offers bookkeeping, for their
     * need “A bookkeeper”" */
    subtitle = g_strdup_printf (_("%s, %s"), reason, what);
  else
    subtitle = g_strdup (has_text (reason) ? reason : what);

  /* Names and needs are the user's text: no markup in the row. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), nb_person_get_display_name (helper->helper));
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  nb_avatar_set_person (ADW_AVATAR (avatar), helper->helper);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "briefing.open-person");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                          g_variant_new_int64 (nb_person_get_id (helper->helper)));

  return row;
}

static void
update_helpers (NbBriefingPage *self)
{
  GPtrArray *helpers = nb_briefing_get_helpers (self->briefing);
  GtkWidget *child;
  guint n_needs;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->helpers_list))) != NULL)
    gtk_list_box_remove (self->helpers_list, child);

  for (guint i = 0; i < helpers->len; i++)
    gtk_list_box_append (self->helpers_list, new_helper_row (g_ptr_array_index (helpers, i)));

  n_needs = nb_briefing_get_open_items (self->briefing, NB_ENTRY_CHALLENGE)->len +
            nb_briefing_get_open_items (self->briefing, NB_ENTRY_NEED)->len;
  gtk_label_set_text (self->helpers_empty_label,
                      n_needs > 0 ? _("Nobody in your network matches their open challenges or needs yet.")
                                  : _("No open challenge or need to help with."));
  gtk_widget_set_visible (GTK_WIDGET (self->helpers_list), helpers->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->helpers_empty_label), helpers->len == 0);
}

static void
update_next_steps (NbBriefingPage *self)
{
  const char * const *steps = nb_trust_get_next_steps (nb_briefing_get_trust (self->briefing));
  guint i;

  clear_box (self->steps_body);

  for (i = 0; steps[i] != NULL; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u.", i + 1);

      add_item (self->steps_body, number, steps[i], NULL, NULL);
    }

  if (i == 0)
    add_line (self->steps_body, _("Nothing pressing: keep in touch."), "dim-label");
}

void
_nb_briefing_page_fill (NbBriefingPage *self)
{
  g_assert (self->briefing != NULL);

  update_header (self);
  update_who (self);
  update_standing (self);
  update_last_time (self);
  update_open_items (self);
  update_promises (self);
  update_upcoming (self);
  update_goodwill (self);
  update_fields (self);
  update_questions (self);
  update_helpers (self);
  update_next_steps (self);
}
