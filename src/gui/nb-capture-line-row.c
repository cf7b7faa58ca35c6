/* nb-capture-line-row.c: one person of a quick capture.
 *
 * The entry is the line as typed; under it, once the typing pauses, the
 * hints say what saving will do: the parsed parts, whom the name matches
 * (or "new person"), and the problems that would stop the save. The
 * match is the store's (nb_store_match_name()) unless the user picked
 * another from "Change": that choice holds as long as the name stays.
 * Every text from the user or the database is a plain label, never
 * markup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-capture-line-row.h"
#include "nb-date.h"

/* Long enough for a word typed at speed, short enough to feel live. */
#define HINT_DELAY_MS 150

struct _NbCaptureLineRow
{
  GtkListBoxRow       parent_instance;

  NbStore            *store;
  char               *today;
  NbCaptureLine      *line;          /* the last parse; NULL before the first */
  GPtrArray          *matches;       /* NbMatch*, for matched_name/company */
  char               *matched_name;
  char               *matched_company;
  gboolean            chosen;        /* the user picked from "Change" */
  gint64              chosen_id;
  char               *chosen_for;    /* the folded name it was picked for */
  guint               update_source;
  GSimpleActionGroup *actions;       /* "line.choose" */

  /* Template widgets */
  GtkEntry           *entry;
  GtkWidget          *hint_box;
  GtkLabel           *parse_label;
  GtkLabel           *match_label;
  GtkMenuButton      *change_button;
  GtkLabel           *problem_label;
};

G_DEFINE_FINAL_TYPE (NbCaptureLineRow, nb_capture_line_row, GTK_TYPE_LIST_BOX_ROW)

/* ---- Helpers ------------------------------------------------------- */

char *
_nb_capture_format_day (const char *date_iso)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate date;

  g_date_clear (&date, 1);
  if (date_iso == NULL || !nb_date_parse_iso (date_iso, &date, NULL))
    return NULL;

  dt = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                            g_date_get_day (&date), 0, 0, 0);
  /* Translators: a day near today, as in "Fri 27 Nov"; see
   * g_date_time_format() */
  return g_date_time_format (dt, _("%a %-d %b"));
}

static char *
fold_name (const char *name)
{
  g_autofree char *normal = g_utf8_normalize (name, -1, G_NORMALIZE_ALL_COMPOSE);

  return g_utf8_casefold (normal != NULL ? normal : name, -1);
}

/* "Robert Haddad (Blue Harbor Insurance)", plain text. */
static char *
describe_person (NbPerson *person)
{
  const char *company = nb_person_get_company (person);

  if (company[0] == '\0')
    return g_strdup (nb_person_get_display_name (person));

  /* Translators: a person in a capture's hint: name (company) */
  return g_strdup_printf (_("%s (%s)"), nb_person_get_display_name (person), company);
}

/* Menu labels are parsed for mnemonics: "__" keeps an underscore. */
static char *
escape_mnemonic (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

static NbMatch *
find_match (NbCaptureLineRow *self,
            gint64            person_id)
{
  for (guint i = 0; i < self->matches->len; i++)
    {
      NbMatch *match = g_ptr_array_index (self->matches, i);

      if (nb_person_get_id (match->person) == person_id)
        return match;
    }

  return NULL;
}

static gint64
effective_person_id (NbCaptureLineRow *self)
{
  NbMatch *pick;

  if (self->chosen)
    return self->chosen_id;

  pick = nb_match_pick (self->matches);
  return pick != NULL ? nb_person_get_id (pick->person) : 0;
}

/* ---- Hints --------------------------------------------------------- */

static void
nb_capture_line_row_rebuild_menu (NbCaptureLineRow *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) people = g_menu_new ();
  g_autoptr(GMenu) other = g_menu_new ();
  g_autoptr(GMenuItem) new_person = NULL;

  for (guint i = 0; i < self->matches->len; i++)
    {
      NbMatch *match = g_ptr_array_index (self->matches, i);
      const char *company = nb_person_get_company (match->person);
      g_autofree char *label = NULL;
      g_autofree char *escaped = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (company[0] != '\0')
        /* Translators: a person in the capture's "Change" menu */
        label = g_strdup_printf (_("%s · %s"), nb_person_get_display_name (match->person), company);
      else
        label = g_strdup (nb_person_get_display_name (match->person));
      escaped = escape_mnemonic (label);
      item = g_menu_item_new (escaped, NULL);
      g_menu_item_set_action_and_target_value (item, "line.choose",
                                               g_variant_new_int64 (nb_person_get_id (match->person)));
      g_menu_append_item (people, item);
    }

  new_person = g_menu_item_new (_("_New Person"), NULL);
  g_menu_item_set_action_and_target_value (new_person, "line.choose", g_variant_new_int64 (0));
  g_menu_append_item (other, new_person);

  g_menu_append_section (menu, NULL, G_MENU_MODEL (people));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (other));
  gtk_menu_button_set_menu_model (self->change_button, G_MENU_MODEL (menu));
}

/* Asks the store again only when the name or company changed. */
static void
nb_capture_line_row_update_matches (NbCaptureLineRow *self)
{
  const char *name = self->line->name;
  const char *company = self->line->company;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) matches = NULL;

  if (g_strcmp0 (name, self->matched_name) == 0 &&
      g_strcmp0 (company, self->matched_company) == 0)
    return;

  g_free (self->matched_name);
  self->matched_name = g_strdup (name);
  g_free (self->matched_company);
  self->matched_company = g_strdup (company);

  if (name[0] != '\0' && self->store != NULL)
    matches = nb_store_match_name (self->store, name, company[0] != '\0' ? company : NULL, &error);
  if (matches == NULL)
    matches = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_match_free);

  g_ptr_array_unref (self->matches);
  self->matches = g_steal_pointer (&matches);
  nb_capture_line_row_rebuild_menu (self);
}

static char *
parse_hint_text (NbCaptureLine *line)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  if (line->name[0] != '\0')
    g_ptr_array_add (parts, g_strdup (line->name));
  if (line->company[0] != '\0')
    g_ptr_array_add (parts, g_strdup (line->company));
  if (line->tags[0] != NULL)
    {
      GString *tags = g_string_new (NULL);

      for (guint i = 0; line->tags[i] != NULL; i++)
        g_string_append_printf (tags, "%s#%s", i > 0 ? " " : "", line->tags[i]);
      g_ptr_array_add (parts, g_string_free (tags, FALSE));
    }
  if (line->followup_due != NULL)
    {
      g_autofree char *day = _nb_capture_format_day (line->followup_due);

      /* Translators: in a capture line's hint; %s is a day, "Fri 27 Nov" */
      g_ptr_array_add (parts, g_strdup_printf (_("follow-up %s"), day != NULL ? day : line->followup_due));
    }
  if (parts->len == 0)
    return g_strdup ("");

  g_ptr_array_add (parts, NULL);
  /* Translators: separates the parts of a capture line's hint */
  joined = g_strjoinv (_(" · "), (char **) parts->pdata);
  /* Translators: the start of a hint under a capture line */
  return g_strdup_printf (_("↳ %s"), joined);
}

static char *
match_hint_text (NbCaptureLineRow *self,
                 gint64            person_id)
{
  g_autofree char *who = NULL;
  NbMatch *match;

  if (person_id == 0)
    {
      if (self->chosen)
        return g_strdup (_("↳ new person (your choice)"));
      if (self->matches->len > 0)
        return g_strdup_printf (ngettext ("↳ new person · %u possible match",
                                          "↳ new person · %u possible matches",
                                          self->matches->len),
                                self->matches->len);
      return g_strdup (_("↳ new person"));
    }

  match = find_match (self, person_id);
  if (match != NULL)
    who = describe_person (match->person);
  else
    {
      g_autoptr(NbPerson) person = nb_store_get_person (self->store, person_id, NULL);

      who = person != NULL ? describe_person (person) : g_strdup ("?");
    }

  if (self->chosen)
    /* Translators: %s is "Name (Company)", picked by the user */
    return g_strdup_printf (_("↳ adds to %s"), who);
  if (match != NULL && match->kind != NB_MATCH_EXACT && match->reason != NULL)
    /* Translators: %s are "Name (Company)" and why: "Bob is short for Robert" */
    return g_strdup_printf (_("↳ matches %s · %s"), who, match->reason);
  /* Translators: %s is "Name (Company)" */
  return g_strdup_printf (_("↳ matches %s"), who);
}

static void
nb_capture_line_row_update_hints (NbCaptureLineRow *self)
{
  g_autofree char *parse = NULL;
  g_autofree char *match = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  gboolean blank = nb_capture_line_is_blank (self->line);
  gboolean has_name = self->line->name[0] != '\0';
  gint64 person_id = effective_person_id (self);

  parse = parse_hint_text (self->line);
  gtk_label_set_text (self->parse_label, parse);
  gtk_widget_set_visible (GTK_WIDGET (self->parse_label), parse[0] != '\0');

  if (has_name)
    match = match_hint_text (self, person_id);
  gtk_label_set_text (self->match_label, match != NULL ? match : "");
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->match_label)), has_name);
  gtk_widget_set_visible (GTK_WIDGET (self->change_button),
                          has_name && (self->matches->len > 0 || self->chosen));
  if (person_id == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->match_label), "new-person");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->match_label), "new-person");

  for (guint i = 0; i < self->line->problems->len; i++)
    g_string_append_printf (problems, "%s%s", i > 0 ? "\n" : "",
                            (char *) g_ptr_array_index (self->line->problems, i));
  gtk_label_set_text (self->problem_label, problems->str);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problems->len > 0);

  gtk_widget_set_visible (self->hint_box, !blank);

  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "choose")),
                             g_variant_new_int64 (person_id));
}

/* ---- Callbacks ----------------------------------------------------- */

static gboolean
on_update_timeout_cb (gpointer user_data)
{
  NbCaptureLineRow *self = user_data;

  self->update_source = 0;
  nb_capture_line_row_update_now (self);

  return G_SOURCE_REMOVE;
}

static void
on_entry_changed_cb (NbCaptureLineRow *self)
{
  g_clear_handle_id (&self->update_source, g_source_remove);
  self->update_source = g_timeout_add (HINT_DELAY_MS, on_update_timeout_cb, self);
  g_source_set_name_by_id (self->update_source, "[netbook] capture line hints");
}

static void
on_choose_change_state_cb (GSimpleAction *action,
                           GVariant      *value,
                           gpointer       user_data)
{
  nb_capture_line_row_choose_person (NB_CAPTURE_LINE_ROW (user_data), g_variant_get_int64 (value));
}

/* ---- Overrides ----------------------------------------------------- */

static void
nb_capture_line_row_dispose (GObject *object)
{
  NbCaptureLineRow *self = NB_CAPTURE_LINE_ROW (object);

  g_clear_handle_id (&self->update_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_CAPTURE_LINE_ROW);
  g_clear_object (&self->actions);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (nb_capture_line_row_parent_class)->dispose (object);
}

static void
nb_capture_line_row_finalize (GObject *object)
{
  NbCaptureLineRow *self = NB_CAPTURE_LINE_ROW (object);

  g_clear_pointer (&self->line, nb_capture_line_free);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_pointer (&self->matched_name, g_free);
  g_clear_pointer (&self->matched_company, g_free);
  g_clear_pointer (&self->chosen_for, g_free);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (nb_capture_line_row_parent_class)->finalize (object);
}

static void
nb_capture_line_row_class_init (NbCaptureLineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_capture_line_row_dispose;
  object_class->finalize = nb_capture_line_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Netbook/nb-capture-line-row.ui");
  gtk_widget_class_bind_template_child (widget_class, NbCaptureLineRow, entry);
  gtk_widget_class_bind_template_child (widget_class, NbCaptureLineRow, hint_box);
  gtk_widget_class_bind_template_child (widget_class, NbCaptureLineRow, parse_label);
  gtk_widget_class_bind_template_child (widget_class, NbCaptureLineRow, match_label);
  gtk_widget_class_bind_template_child (widget_class, NbCaptureLineRow, change_button);
  gtk_widget_class_bind_template_child (widget_class, NbCaptureLineRow, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
}

static void
nb_capture_line_row_init (NbCaptureLineRow *self)
{
  g_autoptr(GSimpleAction) choose = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->matches = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_match_free);

  /* Stateful, so the menu shows whom the line goes to as a radio. */
  self->actions = g_simple_action_group_new ();
  choose = g_simple_action_new_stateful ("choose", G_VARIANT_TYPE_INT64, g_variant_new_int64 (0));
  g_signal_connect_object (choose, "change-state", G_CALLBACK (on_choose_change_state_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (choose));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "line", G_ACTION_GROUP (self->actions));
}

/* ---- Public API ---------------------------------------------------- */

GtkWidget *
nb_capture_line_row_new (NbStore    *store,
                         const char *today_iso)
{
  NbCaptureLineRow *self;

  g_return_val_if_fail (NB_IS_STORE (store), NULL);

  self = g_object_new (NB_TYPE_CAPTURE_LINE_ROW, NULL);
  self->store = g_object_ref (store);
  self->today = today_iso != NULL ? g_strdup (today_iso) : nb_date_today_iso ();

  return GTK_WIDGET (self);
}

GtkEditable *
nb_capture_line_row_get_entry (NbCaptureLineRow *self)
{
  g_return_val_if_fail (NB_IS_CAPTURE_LINE_ROW (self), NULL);

  return GTK_EDITABLE (self->entry);
}

const char *
nb_capture_line_row_get_text (NbCaptureLineRow *self)
{
  g_return_val_if_fail (NB_IS_CAPTURE_LINE_ROW (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

void
nb_capture_line_row_set_text (NbCaptureLineRow *self,
                              const char       *text)
{
  g_return_if_fail (NB_IS_CAPTURE_LINE_ROW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
}

void
nb_capture_line_row_update_now (NbCaptureLineRow *self)
{
  g_autoptr(NbCaptureLine) line = NULL;

  g_return_if_fail (NB_IS_CAPTURE_LINE_ROW (self));

  g_clear_handle_id (&self->update_source, g_source_remove);

  line = nb_capture_parse_line (nb_capture_line_row_get_text (self), self->today);
  g_clear_pointer (&self->line, nb_capture_line_free);
  self->line = g_steal_pointer (&line);

  /* A choice was about one name; another name is another question. */
  if (self->chosen)
    {
      g_autofree char *folded = fold_name (self->line->name);

      if (g_strcmp0 (folded, self->chosen_for) != 0)
        {
          self->chosen = FALSE;
          self->chosen_id = 0;
          g_clear_pointer (&self->chosen_for, g_free);
        }
    }

  nb_capture_line_row_update_matches (self);
  nb_capture_line_row_update_hints (self);
}

static void
ensure_parsed (NbCaptureLineRow *self)
{
  if (self->line == NULL || self->update_source != 0)
    nb_capture_line_row_update_now (self);
}

NbCaptureLine *
nb_capture_line_row_dup_line (NbCaptureLineRow *self)
{
  NbCaptureLine *line;

  g_return_val_if_fail (NB_IS_CAPTURE_LINE_ROW (self), NULL);

  ensure_parsed (self);
  line = nb_capture_line_copy (self->line);
  line->person_id = effective_person_id (self);

  return line;
}

gint64
nb_capture_line_row_get_person_id (NbCaptureLineRow *self)
{
  g_return_val_if_fail (NB_IS_CAPTURE_LINE_ROW (self), 0);

  ensure_parsed (self);
  return effective_person_id (self);
}

GPtrArray *
nb_capture_line_row_get_matches (NbCaptureLineRow *self)
{
  g_return_val_if_fail (NB_IS_CAPTURE_LINE_ROW (self), NULL);

  ensure_parsed (self);
  return self->matches;
}

void
nb_capture_line_row_choose_person (NbCaptureLineRow *self,
                                   gint64            person_id)
{
  g_return_if_fail (NB_IS_CAPTURE_LINE_ROW (self));
  g_return_if_fail (person_id >= 0);

  ensure_parsed (self);
  self->chosen = TRUE;
  self->chosen_id = person_id;
  g_free (self->chosen_for);
  self->chosen_for = fold_name (self->line->name);
  nb_capture_line_row_update_hints (self);
}

static const char *
visible_text (GtkLabel *label)
{
  GtkWidget *widget = GTK_WIDGET (label);

  return gtk_widget_get_visible (widget) && gtk_widget_get_visible (gtk_widget_get_parent (widget))
         ? gtk_label_get_text (label) : "";
}

const char *
nb_capture_line_row_get_parse_hint (NbCaptureLineRow *self)
{
  g_return_val_if_fail (NB_IS_CAPTURE_LINE_ROW (self), NULL);

  return gtk_widget_get_visible (self->hint_box) ? visible_text (self->parse_label) : "";
}

const char *
nb_capture_line_row_get_match_hint (NbCaptureLineRow *self)
{
  g_return_val_if_fail (NB_IS_CAPTURE_LINE_ROW (self), NULL);

  return gtk_widget_get_visible (self->hint_box) ? visible_text (self->match_label) : "";
}

const char *
nb_capture_line_row_get_problem_hint (NbCaptureLineRow *self)
{
  g_return_val_if_fail (NB_IS_CAPTURE_LINE_ROW (self), NULL);

  return gtk_widget_get_visible (self->hint_box) ? visible_text (self->problem_label) : "";
}

GtkMenuButton *
nb_capture_line_row_get_change_button (NbCaptureLineRow *self)
{
  g_return_val_if_fail (NB_IS_CAPTURE_LINE_ROW (self), NULL);

  return self->change_button;
}
