/* nb-briefing-page.c: the pre-meeting briefing as a reading page.
 *
 * One calm column in the order of UX.md: who they are, where we stand
 * (with the "listen, don't pitch yet" hint while trust is low), last
 * time, what is open, what I promised, goodwill, their ideal referral,
 * common ground, questions still to ask, who could help and next steps.
 * Everything the user typed is shown with plain GtkLabels, never markup.
 *
 * The page is rebuilt from nb_store_build_briefing() whenever the store
 * changes something it shows: at idle while it is on screen, else the
 * next time it is shown or asked for its briefing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "nb-briefing-page.h"
#include "nb-briefing-print.h"
#include "nb-date.h"
#include "nb-gui-util.h"

struct _NbBriefingPage
{
  AdwBin            parent_instance;

  NbStore          *store;
  gint64            person_id;
  NbBriefing       *briefing;
  gboolean          dirty;
  guint             rebuild_source;
  GtkPrintSettings *print_settings;
  GtkPageSetup     *page_setup;
#if !GTK_CHECK_VERSION (4, 10, 0)
  GtkFileChooserNative *export_dialog;
#endif

  /* Template widgets */
  GtkStack         *stack;
  GtkScrolledWindow *scroller;
  AdwAvatar        *avatar;
  GtkLabel         *kicker_label;
  GtkLabel         *name_label;
  GtkBox           *who_body;
  GtkBox           *standing_body;
  GtkWidget        *hint_box;
  GtkBox           *last_body;
  GtkBox           *items_body;
  GtkBox           *promises_body;
  GtkWidget        *upcoming_section;
  GtkBox           *upcoming_body;
  GtkLabel         *given_label;
  GtkLabel         *received_label;
  GtkWidget        *goodwill_hint;
  GtkLabel         *referral_label;
  GtkLabel         *common_label;
  GtkBox           *questions_body;
  GtkListBox       *helpers_list;
  GtkLabel         *helpers_empty_label;
  GtkBox           *steps_body;
};

G_DEFINE_FINAL_TYPE (NbBriefingPage, nb_briefing_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PERSON_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_PERSON,
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void nb_briefing_page_rebuild (NbBriefingPage *self);

/* ---- Helpers ------------------------------------------------------- */

static void
show_toast (NbBriefingPage *self,
            AdwToast       *toast)
{
  g_autoptr(AdwToast) owned = toast;
  GtkWidget *overlay;

  if (g_signal_has_handler_pending (self, signals[TOAST], 0, FALSE))
    {
      g_signal_emit (self, signals[TOAST], 0, toast);
      return;
    }

  /* Nobody listening: the nearest overlay will do. */
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_steal_pointer (&owned));
}

/* Toast titles are markup; error messages are not. */
static void show_error_toast (NbBriefingPage *self,
                              const char     *format,
                              ...) G_GNUC_PRINTF (2, 3);

/* @format's arguments must already be escaped (g_markup_escape_text()). */
static void
show_error_toast (NbBriefingPage *self,
                  const char     *format,
                  ...)
{
  g_autofree char *title = NULL;
  AdwToast *toast;
  va_list args;

  va_start (args, format);
  title = g_strdup_vprintf (format, args);
  va_end (args);

  toast = adw_toast_new (title);
  /* Errors stay until read. */
  adw_toast_set_timeout (toast, 0);
  show_toast (self, toast);
}

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

/* A plain-text label: user text is never parsed as markup. */
static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

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

/* ---- Sections ------------------------------------------------------ */

static void
update_header (NbBriefingPage *self)
{
  NbPerson *person = nb_briefing_get_person (self->briefing);
  g_autofree char *today = nb_date_format_long (nb_briefing_get_today (self->briefing));
  /* Translators: above the name on the briefing; %s is today's date */
  g_autofree char *kicker = g_strdup_printf (_("Briefing · %s"), today);

  nb_avatar_set_person (self->avatar, person);
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

  gtk_label_set_text (label, empty ? when_empty : value);
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
  const char *reason = helper->reason != NULL ? helper->reason : "";

  if (helper->entry != NULL)
    {
      if (nb_entry_get_kind (helper->entry) == NB_ENTRY_NEED)
        what = g_strdup_printf (_("for their need “%s”"), nb_entry_get_text (helper->entry));
      else
        what = g_strdup_printf (_("for their challenge “%s”"), nb_entry_get_text (helper->entry));
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

static void
nb_briefing_page_rebuild (NbBriefingPage *self)
{
  g_autoptr(NbBriefing) briefing = NULL;
  g_autoptr(GError) error = NULL;

  self->dirty = FALSE;
  g_clear_handle_id (&self->rebuild_source, g_source_remove);

  if (self->person_id != 0)
    {
      briefing = nb_store_build_briefing (self->store, self->person_id, NULL, &error);
      /* Deleted under our feet is not an error: the window moves on. */
      if (briefing == NULL && !g_error_matches (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND))
        {
          g_autofree char *why = g_markup_escape_text (error->message, -1);

          /* Translators: %s says why */
          show_error_toast (self, _("Could not prepare the briefing: %s"), why);
        }
    }

  g_set_object (&self->briefing, briefing);
  if (briefing == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

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
  gtk_stack_set_visible_child_name (self->stack, "briefing");
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  NbBriefingPage *self = data;

  self->rebuild_source = 0;
  nb_briefing_page_rebuild (self);

  return G_SOURCE_REMOVE;
}

/* One rebuild for all the signals of one commit. At default priority:
 * an idle below it can wait behind a busy window for long. Hidden pages
 * wait until they are shown or asked. */
static void
nb_briefing_page_queue_rebuild (NbBriefingPage *self)
{
  self->dirty = TRUE;
  if (self->rebuild_source == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->rebuild_source = g_idle_add_full (G_PRIORITY_DEFAULT, rebuild_idle_cb, self, NULL);
}

/* ---- Callbacks ----------------------------------------------------- */

/* Any card may have changed: the person, who introduced them, or
 * someone who now offers what they need. */
static void
on_store_person_changed_cb (NbBriefingPage *self)
{
  if (self->person_id != 0)
    nb_briefing_page_queue_rebuild (self);
}

static void
on_store_entry_changed_cb (NbBriefingPage *self,
                           gint64          entry_id,
                           gint64          person_id,
                           gint64          other_person_id)
{
  if (self->person_id != 0 && (person_id == self->person_id || other_person_id == self->person_id))
    nb_briefing_page_queue_rebuild (self);
}

static void
open_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_signal_emit (widget, signals[OPEN_PERSON], 0, g_variant_get_int64 (parameter));
}

static void
on_print_done_cb (NbBriefingPage          *self,
                  GtkPrintOperationResult  result,
                  GtkPrintOperation       *operation)
{
  g_autoptr(GError) error = NULL;

  g_object_set_data (G_OBJECT (operation), "nb-done", GINT_TO_POINTER (TRUE));

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      /* Remember the printer and paper for next time. */
      g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
      g_set_object (&self->page_setup, gtk_print_operation_get_default_page_setup (operation));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *why = NULL;

      gtk_print_operation_get_error (operation, &error);
      why = g_markup_escape_text (error != NULL ? error->message : "", -1);
      /* Translators: %s says why */
      show_error_toast (self, _("Could not print the briefing: %s"), why);
    }
}

static void
on_write_markdown_done_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  NbBriefingPage *self = NB_BRIEFING_PAGE (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (basename != NULL ? basename : "");

  if (!nb_briefing_page_write_markdown_finish (self, result, &error))
    {
      g_autofree char *why = g_markup_escape_text (error->message, -1);

      /* Translators: %s says why */
      show_error_toast (self, _("Could not save the briefing: %s"), why);
      return;
    }

  {
    g_autofree char *escaped = g_markup_escape_text (display, -1);
    /* Translators: %s is a file name */
    g_autofree char *title = g_strdup_printf (_("Briefing saved as “%s”"), escaped);

    show_toast (self, adw_toast_new (title));
  }
}

static void
on_file_replaced_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_save_dialog_finished_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(NbBriefingPage) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file != NULL)
    nb_briefing_page_save_markdown (self, file);
}
#else
static void
on_export_dialog_response_cb (NbBriefingPage       *self,
                              int                   response,
                              GtkFileChooserNative *dialog)
{
  g_autoptr(GtkFileChooserNative) owned = g_steal_pointer (&self->export_dialog);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        nb_briefing_page_save_markdown (self, file);
    }
}
#endif

/* ---- Overrides ----------------------------------------------------- */

static void
nb_briefing_page_constructed (GObject *object)
{
  NbBriefingPage *self = NB_BRIEFING_PAGE (object);

  G_OBJECT_CLASS (nb_briefing_page_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "person-changed",
                           G_CALLBACK (on_store_person_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "entry-changed",
                           G_CALLBACK (on_store_entry_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
nb_briefing_page_map (GtkWidget *widget)
{
  NbBriefingPage *self = NB_BRIEFING_PAGE (widget);

  GTK_WIDGET_CLASS (nb_briefing_page_parent_class)->map (widget);

  if (self->dirty)
    nb_briefing_page_queue_rebuild (self);
}

static void
nb_briefing_page_dispose (GObject *object)
{
  NbBriefingPage *self = NB_BRIEFING_PAGE (object);

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
#if !GTK_CHECK_VERSION (4, 10, 0)
  if (self->export_dialog != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_dialog));
  g_clear_object (&self->export_dialog);
#endif

  /* The bin unparents its child itself: let it, before the template
   * drops its references. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_BRIEFING_PAGE);

  G_OBJECT_CLASS (nb_briefing_page_parent_class)->dispose (object);
}

static void
nb_briefing_page_finalize (GObject *object)
{
  NbBriefingPage *self = NB_BRIEFING_PAGE (object);

  g_clear_object (&self->briefing);
  g_clear_object (&self->print_settings);
  g_clear_object (&self->page_setup);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (nb_briefing_page_parent_class)->finalize (object);
}

static void
nb_briefing_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  NbBriefingPage *self = NB_BRIEFING_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_briefing_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  NbBriefingPage *self = NB_BRIEFING_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_PERSON_ID:
      nb_briefing_page_set_person_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_briefing_page_class_init (NbBriefingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nb_briefing_page_constructed;
  object_class->dispose = nb_briefing_page_dispose;
  object_class->finalize = nb_briefing_page_finalize;
  object_class->get_property = nb_briefing_page_get_property;
  object_class->set_property = nb_briefing_page_set_property;

  widget_class->map = nb_briefing_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         NB_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_PERSON] =
    g_signal_new ("open-person",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[TOAST] =
    g_signal_new ("toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Netbook/nb-briefing-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, stack);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, kicker_label);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, who_body);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, standing_body);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, hint_box);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, last_body);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, items_body);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, promises_body);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, upcoming_section);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, upcoming_body);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, given_label);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, received_label);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, goodwill_hint);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, referral_label);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, common_label);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, questions_body);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, helpers_list);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, helpers_empty_label);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, steps_body);

  gtk_widget_class_install_action (widget_class, "briefing.open-person", "x", open_person_action);

  gtk_widget_class_set_css_name (widget_class, "briefingpage");
}

static void
nb_briefing_page_init (NbBriefingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ---- Public API ---------------------------------------------------- */

GtkWidget *
nb_briefing_page_new (NbStore *store)
{
  g_return_val_if_fail (NB_IS_STORE (store), NULL);

  return g_object_new (NB_TYPE_BRIEFING_PAGE, "store", store, NULL);
}

void
nb_briefing_page_set_person_id (NbBriefingPage *self,
                                gint64          person_id)
{
  g_return_if_fail (NB_IS_BRIEFING_PAGE (self));

  if (self->person_id == person_id && !self->dirty && self->briefing != NULL)
    return;

  if (self->person_id != person_id)
    {
      self->person_id = person_id;
      /* A new person starts at the top. */
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
    }

  nb_briefing_page_rebuild (self);
}

gint64
nb_briefing_page_get_person_id (NbBriefingPage *self)
{
  g_return_val_if_fail (NB_IS_BRIEFING_PAGE (self), 0);

  return self->person_id;
}

NbBriefing *
nb_briefing_page_get_briefing (NbBriefingPage *self)
{
  g_return_val_if_fail (NB_IS_BRIEFING_PAGE (self), NULL);

  if (self->dirty)
    nb_briefing_page_rebuild (self);

  return self->briefing;
}

void
nb_briefing_page_print (NbBriefingPage *self)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  NbBriefing *briefing;
  GtkRoot *root;
  GtkPrintOperationResult result;

  g_return_if_fail (NB_IS_BRIEFING_PAGE (self));

  briefing = nb_briefing_page_get_briefing (self);
  if (briefing == NULL)
    return;

  operation = nb_briefing_print_operation_new (briefing);
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, self->print_settings);
  if (self->page_setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, self->page_setup);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self, G_CONNECT_SWAPPED);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR &&
      g_object_get_data (G_OBJECT (operation), "nb-done") == NULL)
    {
      g_autofree char *why = g_markup_escape_text (error != NULL ? error->message : "", -1);

      show_error_toast (self, _("Could not print the briefing: %s"), why);
    }
}

char *
nb_briefing_page_dup_suggested_name (NbBriefingPage *self,
                                     const char     *extension)
{
  NbBriefing *briefing;
  g_autofree char *name = NULL;
  GString *file_name;

  g_return_val_if_fail (NB_IS_BRIEFING_PAGE (self), NULL);
  g_return_val_if_fail (extension != NULL, NULL);

  briefing = nb_briefing_page_get_briefing (self);
  /* Translators: the file name offered when exporting; %s is a name */
  name = g_strdup_printf (_("%s – briefing"),
                          briefing != NULL ? nb_person_get_display_name (nb_briefing_get_person (briefing)) : "");

  /* No folders, no hidden file, no control characters, a sane length. */
  file_name = g_string_new (NULL);
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || g_unichar_iscntrl (c))
        c = c == '/' || c == '\\' ? '-' : ' ';
      if (file_name->len == 0 && (c == '.' || c == ' '))
        continue;
      if (file_name->len > 200)
        break;
      g_string_append_unichar (file_name, c);
    }
  g_string_append (file_name, extension);

  return g_string_free (file_name, FALSE);
}

void
nb_briefing_page_export_markdown (NbBriefingPage *self)
{
  g_autofree char *suggested = NULL;
  GtkRoot *root;

  g_return_if_fail (NB_IS_BRIEFING_PAGE (self));

  if (nb_briefing_page_get_briefing (self) == NULL)
    return;

  suggested = nb_briefing_page_dup_suggested_name (self, ".md");
  root = gtk_widget_get_root (GTK_WIDGET (self));

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, _("Export Briefing as Markdown"));
    gtk_file_dialog_set_initial_name (dialog, suggested);
    gtk_file_dialog_set_accept_label (dialog, _("_Export"));
    gtk_file_dialog_save (dialog, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                          on_save_dialog_finished_cb, g_object_ref (self));
  }
#else
  if (self->export_dialog != NULL)
    return;

  self->export_dialog = gtk_file_chooser_native_new (_("Export Briefing as Markdown"),
                                                     GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                     GTK_FILE_CHOOSER_ACTION_SAVE,
                                                     _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->export_dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->export_dialog), suggested);
  g_signal_connect_object (self->export_dialog, "response",
                           G_CALLBACK (on_export_dialog_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_dialog));
#endif
}

void
nb_briefing_page_save_markdown (NbBriefingPage *self,
                                GFile          *file)
{
  g_return_if_fail (NB_IS_BRIEFING_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  nb_briefing_page_write_markdown_async (self, file, NULL, on_write_markdown_done_cb, g_object_ref (file));
}

void
nb_briefing_page_write_markdown_async (NbBriefingPage      *self,
                                       GFile               *file,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) bytes = NULL;
  NbBriefing *briefing;
  char *markdown;

  g_return_if_fail (NB_IS_BRIEFING_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, nb_briefing_page_write_markdown_async);

  briefing = nb_briefing_page_get_briefing (self);
  if (briefing == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("There is no briefing to save."));
      return;
    }

  markdown = nb_briefing_to_markdown (briefing);
  bytes = g_bytes_new_take (markdown, strlen (markdown));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                       cancellable, on_file_replaced_cb, g_steal_pointer (&task));
}

gboolean
nb_briefing_page_write_markdown_finish (NbBriefingPage  *self,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  g_return_val_if_fail (NB_IS_BRIEFING_PAGE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == nb_briefing_page_write_markdown_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
