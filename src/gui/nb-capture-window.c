/* nb-capture-window.c: the after-event quick capture.
 *
 * One event (name, date, place), then one line per person met
 * (NbCaptureLineRow), all from the keyboard: Enter starts the next line,
 * Up and Down move between lines, Backspace on an empty line removes
 * it, Ctrl+Enter saves, Escape asks before closing.
 *
 * Nothing typed is lost: every change is saved as a draft once typing
 * pauses, and at once when the window closes or the app quits. Only
 * Save (which discards the draft in the same transaction) and an
 * explicit Discard remove it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "nb-capture-window-private.h"
#include "nb-date.h"
#include "nb-dialog.h"

/* Quiet enough not to write on every key; and however fast the typing,
 * no change waits longer than a second, all a crash may lose. */
#define DRAFT_DELAY_MS    600
#define DRAFT_MAX_WAIT_MS 1000

G_DEFINE_FINAL_TYPE (NbCaptureWindow, nb_capture_window, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Helpers ------------------------------------------------------- */

static void
ensure_css (void)
{
  static GtkCssProvider *provider;
  GdkDisplay *display = gdk_display_get_default ();

  if (provider != NULL || display == NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/com/example/Netbook/nb-capture-window.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static const char *
field_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* The event's day from what was typed: a date, or words. An event is
 * behind us, so "yesterday" works here and a weekday is the last one
 * (nb_date_parse_relative() looks ahead, as follow-ups do). NULL if it
 * is not a date. */
static char *
resolve_event_date (const char *text,
                    const char *today)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *lower = g_utf8_strdown (stripped, -1);
  g_autofree char *iso = NULL;
  GDate date;

  if (lower[0] == '\0')
    return g_strdup (today);

  if (g_str_equal (lower, "yesterday") ||
      /* Translators: typed as an event's date; lower case */
      g_str_equal (lower, C_("event date", "yesterday")))
    {
      g_date_clear (&date, 1);
      nb_date_parse_iso (today, &date, NULL);
      g_date_subtract_days (&date, 1);
      return nb_date_to_iso (&date);
    }

  if (!nb_date_parse_relative (lower, today, &iso, NULL))
    return NULL;

  if (strchr (lower, ' ') == NULL && !g_ascii_isdigit (lower[0]) &&
      !g_str_equal (lower, "today") && !g_str_equal (lower, "tomorrow") &&
      !g_str_equal (lower, "tmrw"))
    {
      int days = nb_date_days_between (today, iso);

      if (days >= 1 && days <= 7)
        {
          g_date_clear (&date, 1);
          nb_date_parse_iso (iso, &date, NULL);
          g_date_subtract_days (&date, 7);
          g_free (iso);
          iso = nb_date_to_iso (&date);
        }
    }

  return g_steal_pointer (&iso);
}

/* Nothing worth keeping: the date alone is only today's default. */
static gboolean
capture_is_blank (NbCaptureWindow *self)
{
  g_autofree char *body = _nb_capture_window_dup_body (self);

  return _nb_capture_is_blank (field_text (self->event_row)) &&
         _nb_capture_is_blank (field_text (self->place_row)) &&
         _nb_capture_is_blank (body);
}

static void
update_title (NbCaptureWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (field_text (self->event_row)));
  g_autofree char *iso = resolve_event_date (field_text (self->date_row), self->today);
  g_autofree char *day = _nb_capture_format_day (iso);
  g_autofree char *title = NULL;

  if (name[0] != '\0' && day != NULL)
    /* Translators: the capture's title: event · "Fri 20 Nov" */
    title = g_strdup_printf (_("Capture: %s · %s"), name, day);
  else if (name[0] != '\0')
    /* Translators: the capture's title; %s is the event */
    title = g_strdup_printf (_("Capture: %s"), name);
  else if (day != NULL)
    /* Translators: the capture's title; %s is a day, "Fri 20 Nov" */
    title = g_strdup_printf (_("Capture · %s"), day);
  else
    title = g_strdup (_("Capture"));

  /* AdwWindowTitle shows plain text. */
  adw_window_title_set_title (self->window_title, title);
}

static void
update_date_hint (NbCaptureWindow *self)
{
  g_autofree char *iso = resolve_event_date (field_text (self->date_row), self->today);
  g_autofree char *day = _nb_capture_format_day (iso);

  if (iso == NULL)
    {
      gtk_label_set_text (self->date_label, _("Not a date"));
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
    }
  else
    {
      g_autofree char *relative = nb_date_format_relative (iso, self->today);
      g_autofree char *text = NULL;

      /* Translators: beside the event's date: "Fri 20 Nov · 3 days ago" */
      text = g_strdup_printf (_("%s · %s"), day, relative);
      gtk_label_set_text (self->date_label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
    }
}

/* "yesterday" becomes the date it means, once the user moves on. */
static void
normalize_date (NbCaptureWindow *self)
{
  g_autofree char *iso = resolve_event_date (field_text (self->date_row), self->today);

  if (iso != NULL && g_strcmp0 (iso, field_text (self->date_row)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->date_row), iso);
}

static void
show_error (NbCaptureWindow *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* ---- Drafts -------------------------------------------------------- */

static void
set_draft_status (NbCaptureWindow *self,
                  const char      *status,
                  const char      *tooltip)
{
  adw_window_title_set_subtitle (self->window_title, status);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), tooltip);
}

void
nb_capture_window_save_draft (NbCaptureWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (NB_IS_CAPTURE_WINDOW (self));

  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (self->finished)
    return;

  if (capture_is_blank (self))
    {
      /* Everything was erased: no draft to offer back. */
      if (self->draft->id != 0 &&
          nb_store_discard_capture_draft (self->store, self->draft->id, &error))
        self->draft->id = 0;
      set_draft_status (self, "", NULL);
      return;
    }

  g_free (self->draft->event_name);
  self->draft->event_name = g_strdup (field_text (self->event_row));
  g_free (self->draft->event_date);
  self->draft->event_date = g_strdup (field_text (self->date_row));
  g_free (self->draft->place);
  self->draft->place = g_strdup (field_text (self->place_row));
  g_free (self->draft->body);
  self->draft->body = _nb_capture_window_dup_body (self);

  if (nb_store_save_capture_draft (self->store, self->draft, &error) == 0)
    set_draft_status (self, _("Draft not saved"), error->message);
  else
    set_draft_status (self, _("Draft saved"), NULL);
}

static gboolean
on_draft_timeout_cb (gpointer user_data)
{
  NbCaptureWindow *self = user_data;

  self->draft_source = 0;
  nb_capture_window_save_draft (self);

  return G_SOURCE_REMOVE;
}

void
_nb_capture_window_changed (NbCaptureWindow *self)
{
  gint64 now;

  if (self->loading || self->finished)
    return;

  show_error (self, NULL);

  /* Typing without a pause: let the pending save happen on time. */
  now = g_get_monotonic_time ();
  if (self->draft_source != 0 &&
      now - self->dirty_since >= (DRAFT_MAX_WAIT_MS - DRAFT_DELAY_MS) * G_TIME_SPAN_MILLISECOND)
    return;
  if (self->draft_source == 0)
    self->dirty_since = now;

  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_source = g_timeout_add (DRAFT_DELAY_MS, on_draft_timeout_cb, self);
  g_source_set_name_by_id (self->draft_source, "[netbook] capture draft");
}

static void
finish (NbCaptureWindow *self)
{
  self->finished = TRUE;
  g_clear_handle_id (&self->draft_source, g_source_remove);
}

/* ---- Saving -------------------------------------------------------- */

static void
refuse (NbCaptureWindow *self,
        const char      *message,
        GtkWidget       *focus)
{
  show_error (self, message);
  if (focus != NULL)
    {
      GtkWidget *row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);

      gtk_widget_grab_focus (focus);
      /* Never select it all: the next key would replace what is there. */
      gtk_editable_set_position (GTK_EDITABLE (focus), -1);
      _nb_capture_window_reveal (self, row != NULL ? row : focus);
    }
  /* Whatever was typed since the last pause is kept too. */
  nb_capture_window_save_draft (self);
}

gboolean
nb_capture_window_save (NbCaptureWindow *self)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GArray) person_ids = NULL;
  g_autoptr(GHashTable) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *date = NULL;
  g_autofree char *place = NULL;
  NbCaptureLineRow *line;
  gboolean anyone = FALSE;
  gint64 event_id;

  g_return_val_if_fail (NB_IS_CAPTURE_WINDOW (self), FALSE);

  if (self->finished)
    return FALSE;

  name = g_strstrip (g_strdup (field_text (self->event_row)));
  if (name[0] == '\0')
    {
      refuse (self, _("Give the event a name: where did you meet them?"), GTK_WIDGET (self->event_row));
      return FALSE;
    }

  date = resolve_event_date (field_text (self->date_row), self->today);
  if (date == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is what was typed as the event's date */
      message = g_strdup_printf (_("“%s” is not a date: write it as 2026-11-20, “today” or “yesterday”."),
                                 field_text (self->date_row));
      refuse (self, message, GTK_WIDGET (self->date_row));
      return FALSE;
    }

  lines = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_capture_line_free);
  for (int i = 0; (line = _nb_capture_window_line_at (self, i)) != NULL; i++)
    {
      NbCaptureLine *parsed = nb_capture_line_row_dup_line (line);

      g_ptr_array_add (lines, parsed);
      if (nb_capture_line_is_blank (parsed))
        continue;
      anyone = TRUE;
      if (parsed->problems->len > 0)
        {
          g_autofree char *message = NULL;

          /* Translators: %u is a line number, %s what is wrong with it */
          message = g_strdup_printf (_("Line %u: %s"), (guint) i + 1,
                                     (char *) g_ptr_array_index (parsed->problems, 0));
          refuse (self, message, GTK_WIDGET (nb_capture_line_row_get_entry (line)));
          return FALSE;
        }
    }
  if (!anyone)
    {
      refuse (self, _("Write one line for each person you met."), NULL);
      _nb_capture_window_focus_line (self, 0);
      return FALSE;
    }

  place = g_strstrip (g_strdup (field_text (self->place_row)));
  event_id = nb_store_save_capture (self->store, name, date, place, lines,
                                    self->draft->id, &person_ids, &error);
  if (event_id == 0)
    {
      refuse (self, error->message, NULL);
      return FALSE;
    }

  people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < person_ids->len; i++)
    {
      gint64 id = g_array_index (person_ids, gint64, i);

      if (id != 0)
        g_hash_table_add (people, g_memdup2 (&id, sizeof id));
    }

  /* The draft went with the capture's transaction. */
  finish (self);
  self->draft->id = 0;
  self->n_people_saved = g_hash_table_size (people);
  g_free (self->event_name);
  self->event_name = g_steal_pointer (&name);

  g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, event_id);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);

  return TRUE;
}

/* ---- Closing ------------------------------------------------------- */

static void
discard (NbCaptureWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->draft->id != 0 &&
      !nb_store_discard_capture_draft (self->store, self->draft->id, &error))
    {
      show_error (self, error->message);
      return;
    }

  finish (self);
  self->draft->id = 0;
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
on_keep_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static gboolean
on_discard_idle_cb (gpointer user_data)
{
  discard (NB_CAPTURE_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

/* The dialog is transient for this window: let it close first, or it
 * would outlive its parent inside its own "response". */
static void
on_close_dialog_response_cb (NbCaptureWindow *self,
                             const char      *response)
{
  if (g_strcmp0 (response, "keep") == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT, on_keep_idle_cb, g_object_ref (self), g_object_unref);
  else if (g_strcmp0 (response, "discard") == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT, on_discard_idle_cb, g_object_ref (self), g_object_unref);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NbCaptureWindow *self = NB_CAPTURE_WINDOW (widget);
  GtkWidget *dialog;

  if (capture_is_blank (self))
    {
      discard (self);
      return;
    }

  dialog = nb_dialog_new_alert (_("Keep This Capture?"),
                                _("A draft stays in your notebook, and Netbook offers to continue it the next time it starts."));
  nb_dialog_add_responses (dialog,
                           "cancel", _("_Cancel"),
                           "discard", _("_Discard"),
                           "keep", _("_Keep Draft"),
                           NULL);
  nb_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  nb_dialog_set_response_appearance (dialog, "keep", ADW_RESPONSE_SUGGESTED);
  nb_dialog_set_default_response (dialog, "keep");
  nb_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);
  nb_dialog_present (dialog, GTK_WIDGET (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  nb_capture_window_save (NB_CAPTURE_WINDOW (widget));
}

/* ---- Callbacks ----------------------------------------------------- */

static void
on_event_changed_cb (NbCaptureWindow *self)
{
  update_title (self);
  _nb_capture_window_changed (self);
}

static void
on_date_changed_cb (NbCaptureWindow *self)
{
  update_date_hint (self);
  update_title (self);
  _nb_capture_window_changed (self);
}

static void
on_date_focus_left_cb (NbCaptureWindow *self)
{
  /* Focus also leaves while the window goes away. */
  if (!self->finished && !gtk_widget_in_destruction (GTK_WIDGET (self)))
    normalize_date (self);
}

static void
on_field_changed_cb (NbCaptureWindow *self)
{
  _nb_capture_window_changed (self);
}

/* Enter moves on: event, date, place, then the first line. */
static void
on_field_activated_cb (NbCaptureWindow *self,
                       AdwEntryRow     *row)
{
  if (row == self->event_row)
    gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
  else if (row == self->date_row)
    {
      normalize_date (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->place_row));
    }
  else
    _nb_capture_window_focus_line (self, 0);
}

/* ---- Overrides ----------------------------------------------------- */

static gboolean
nb_capture_window_close_request (GtkWindow *window)
{
  NbCaptureWindow *self = NB_CAPTURE_WINDOW (window);

  /* Closing keeps everything: the draft is offered back later. */
  if (!self->finished)
    nb_capture_window_save_draft (self);

  return GTK_WINDOW_CLASS (nb_capture_window_parent_class)->close_request (window);
}

static void
nb_capture_window_dispose (GObject *object)
{
  NbCaptureWindow *self = NB_CAPTURE_WINDOW (object);

  g_clear_handle_id (&self->draft_source, g_source_remove);
  g_clear_weak_pointer (&self->reveal_target);
  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_CAPTURE_WINDOW);

  G_OBJECT_CLASS (nb_capture_window_parent_class)->dispose (object);
}

static void
nb_capture_window_finalize (GObject *object)
{
  NbCaptureWindow *self = NB_CAPTURE_WINDOW (object);

  g_clear_pointer (&self->draft, nb_capture_draft_free);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->event_name, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (nb_capture_window_parent_class)->finalize (object);
}

static void
nb_capture_window_class_init (NbCaptureWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = nb_capture_window_dispose;
  object_class->finalize = nb_capture_window_finalize;
  window_class->close_request = nb_capture_window_close_request;

  /**
   * NbCaptureWindow::saved:
   * @event_id: the event the capture was saved to
   *
   * The capture is in the store; the window closes next.
   */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Netbook/nb-capture-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NbCaptureWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, NbCaptureWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, NbCaptureWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, NbCaptureWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, NbCaptureWindow, event_row);
  gtk_widget_class_bind_template_child (widget_class, NbCaptureWindow, date_row);
  gtk_widget_class_bind_template_child (widget_class, NbCaptureWindow, date_label);
  gtk_widget_class_bind_template_child (widget_class, NbCaptureWindow, place_row);
  gtk_widget_class_bind_template_child (widget_class, NbCaptureWindow, lines_box);
  gtk_widget_class_bind_template_child (widget_class, NbCaptureWindow, syntax_label);
  gtk_widget_class_bind_template_child (widget_class, NbCaptureWindow, keys_label);
  gtk_widget_class_bind_template_callback (widget_class, on_event_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_focus_left_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_activated_cb);

  gtk_widget_class_install_action (widget_class, "capture.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "capture.cancel", NULL, cancel_action);

  /* Listed in ui/gtk/help-overlay.ui, and in the window's footer. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "capture.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "capture.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "capture.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "capture.cancel", NULL);
}

static void
nb_capture_window_init (NbCaptureWindow *self)
{
  g_autofree char *syntax = NULL;

  ensure_css ();
  gtk_widget_init_template (GTK_WIDGET (self));
  _nb_capture_window_init_lines (self);

  /* The follow-ups are English words whatever the language, as the
   * capture reads them; word joiners and no-break spaces keep each one
   * whole when the line wraps. */
  syntax = g_strdup_printf ("%s  %s  %s",
                            /* Translators: the capture's syntax, under the lines */
                            _("Name (Company): note"),
                            /* Translators: the capture's syntax: a tag, with its "#" */
                            _("#tag"),
                            "!\u2060tomorrow !\u2060fri !\u2060in\u00a02\u00a0weeks !\u20602026-12-01");
  gtk_label_set_text (self->syntax_label, syntax);
  gtk_label_set_text (self->keys_label, _("Enter: next person · Ctrl+Enter: save · Esc: close"));
}

/* ---- Public API ---------------------------------------------------- */

GtkWidget *
nb_capture_window_new (GtkWindow      *parent,
                       NbStore        *store,
                       NbCaptureDraft *draft_or_null)
{
  NbCaptureWindow *self;
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (NB_IS_STORE (store), NULL);

  self = g_object_new (NB_TYPE_CAPTURE_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->store = g_object_ref (store);
  self->today = nb_date_today_iso ();
  self->draft = draft_or_null != NULL ? nb_capture_draft_copy (draft_or_null)
                                      : nb_capture_draft_new (NULL, NULL, NULL, NULL);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->event_row), self->draft->event_name);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row),
                         self->draft->event_date[0] != '\0' ? self->draft->event_date : self->today);
  gtk_editable_set_text (GTK_EDITABLE (self->place_row), self->draft->place);
  lines = g_strsplit (self->draft->body, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    _nb_capture_window_insert_line (self, -1, lines[i]);
  if (lines[0] == NULL)
    _nb_capture_window_insert_line (self, -1, "");
  update_date_hint (self);
  update_title (self);
  self->loading = FALSE;

  if (self->draft->id != 0)
    set_draft_status (self, _("Draft saved"), NULL);

  /* A new capture starts with the event; a draft where it stopped. */
  if (_nb_capture_is_blank (self->draft->event_name))
    gtk_widget_grab_focus (GTK_WIDGET (self->event_row));
  else
    _nb_capture_window_focus_line (self, (int) _nb_capture_window_count_lines (self) - 1);

  return GTK_WIDGET (self);
}

NbStore *
nb_capture_window_get_store (NbCaptureWindow *self)
{
  g_return_val_if_fail (NB_IS_CAPTURE_WINDOW (self), NULL);

  return self->store;
}

gint64
nb_capture_window_get_draft_id (NbCaptureWindow *self)
{
  g_return_val_if_fail (NB_IS_CAPTURE_WINDOW (self), 0);

  return self->draft->id;
}

const char *
nb_capture_window_get_event_name (NbCaptureWindow *self)
{
  g_return_val_if_fail (NB_IS_CAPTURE_WINDOW (self), NULL);

  return self->event_name != NULL ? self->event_name : field_text (self->event_row);
}

guint
nb_capture_window_get_n_people_saved (NbCaptureWindow *self)
{
  g_return_val_if_fail (NB_IS_CAPTURE_WINDOW (self), 0);

  return self->n_people_saved;
}

GtkEditable *
nb_capture_window_get_event_entry (NbCaptureWindow *self)
{
  g_return_val_if_fail (NB_IS_CAPTURE_WINDOW (self), NULL);

  return GTK_EDITABLE (self->event_row);
}

GtkEditable *
nb_capture_window_get_date_entry (NbCaptureWindow *self)
{
  g_return_val_if_fail (NB_IS_CAPTURE_WINDOW (self), NULL);

  return GTK_EDITABLE (self->date_row);
}

GtkEditable *
nb_capture_window_get_place_entry (NbCaptureWindow *self)
{
  g_return_val_if_fail (NB_IS_CAPTURE_WINDOW (self), NULL);

  return GTK_EDITABLE (self->place_row);
}

const char *
nb_capture_window_get_error (NbCaptureWindow *self)
{
  g_return_val_if_fail (NB_IS_CAPTURE_WINDOW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
         ? gtk_label_get_text (self->error_label) : NULL;
}

const char *
nb_capture_window_get_draft_status (NbCaptureWindow *self)
{
  g_return_val_if_fail (NB_IS_CAPTURE_WINDOW (self), NULL);

  return adw_window_title_get_subtitle (self->window_title);
}
