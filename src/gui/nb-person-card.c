/* nb-person-card.c: the editable card on a person's page.
 *
 * Multi-valued fields (emails, phones, websites) are one row each, with
 * the values separated by commas: the store keeps one value per line,
 * and none of these values contain a comma in practice. One row per
 * value would need add/remove buttons for a gain nobody asked for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-date.h"
#include "nb-person-card.h"

/* A pause in typing this long saves the row. */
#define SAVE_DELAY_MS 600
/* CardRow.field for the tags row, which is not an NbPersonField. */
#define TAGS_FIELD (-1)

typedef struct
{
  NbPersonCard *card;
  AdwEntryRow  *row;
  int           field;        /* NbPersonField or TAGS_FIELD */
  guint         save_source;
  char         *refused_text; /* what the store last refused, if anything */
} CardRow;

struct _NbPersonCard
{
  GtkWidget            parent_instance;

  NbStore             *store;
  NbPerson            *person;
  GPtrArray           *rows;          /* CardRow* */
  GtkStringList       *cadence_model;
  gboolean             loading;

  /* Template widgets */
  AdwPreferencesGroup *card_group;
  AdwPreferencesGroup *contact_group;
  AdwPreferencesGroup *interview_group;
  AdwPreferencesGroup *touch_group;
  AdwEntryRow         *tags_row;
  AdwComboRow         *cadence_row;
  AdwComboRow         *rapport_row;
};

G_DEFINE_FINAL_TYPE (NbPersonCard, nb_person_card, GTK_TYPE_WIDGET)

enum {
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  GROUP_CARD,
  GROUP_CONTACT,
  GROUP_INTERVIEW,
};

/* Which rows the card has, in order. Met date and place sit with the
 * names: they are what the identity line at the top shows. */
static const struct {
  NbPersonField field;
  int           group;
} card_fields[] = {
  { NB_PERSON_DISPLAY_NAME,  GROUP_CARD },
  { NB_PERSON_GIVEN_NAME,    GROUP_CARD },
  { NB_PERSON_FAMILY_NAME,   GROUP_CARD },
  { NB_PERSON_ROLE,          GROUP_CARD },
  { NB_PERSON_COMPANY,       GROUP_CARD },
  { NB_PERSON_INDUSTRY,      GROUP_CARD },
  { NB_PERSON_LOCATION,      GROUP_CARD },
  { NB_PERSON_MET_DATE,      GROUP_CARD },
  { NB_PERSON_MET_WHERE,     GROUP_CARD },
  { NB_PERSON_EMAILS,        GROUP_CONTACT },
  { NB_PERSON_PHONES,        GROUP_CONTACT },
  { NB_PERSON_URLS,          GROUP_CONTACT },
  { NB_PERSON_BIRTHDAY,      GROUP_CONTACT },
  { NB_PERSON_TARGET_MARKET, GROUP_INTERVIEW },
  { NB_PERSON_OFFERS,        GROUP_INTERVIEW },
  { NB_PERSON_WORK_LIKES,    GROUP_INTERVIEW },
  { NB_PERSON_INDUSTRY_NEWS, GROUP_INTERVIEW },
  { NB_PERSON_CAREER_ORIGIN, GROUP_INTERVIEW },
  { NB_PERSON_INTERESTS,     GROUP_INTERVIEW },
  { NB_PERSON_NETWORKS,      GROUP_INTERVIEW },
};

/* Indexed like the cadence row's first items. */
static const guint cadence_days[] = { 0, 7, 14, 30, 90, 180, 365 };

static void
card_row_free (gpointer data)
{
  CardRow *card_row = data;

  g_clear_handle_id (&card_row->save_source, g_source_remove);
  g_free (card_row->refused_text);
  g_free (card_row);
}

static gboolean
field_is_date (int field)
{
  return field == NB_PERSON_MET_DATE || field == NB_PERSON_BIRTHDAY;
}

static gboolean
field_is_multiline (int field)
{
  return field != TAGS_FIELD && nb_person_field_is_multiline ((NbPersonField) field);
}

/* "a, b ,, c" → { "a", "b", "c" } */
static GStrv
split_values (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, ",\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

/* What the row shows for @person. */
static char *
dup_display_value (CardRow  *card_row,
                   NbPerson *person)
{
  g_auto(GStrv) values = NULL;

  if (card_row->field == TAGS_FIELD)
    return g_strjoinv (", ", (char **) nb_person_get_tags (person));

  if (field_is_multiline (card_row->field))
    {
      values = nb_person_dup_values (person, (NbPersonField) card_row->field);
      return g_strjoinv (", ", values);
    }

  return g_strdup (nb_person_get_field (person, (NbPersonField) card_row->field));
}

/* Writes what the row holds into @person; FALSE if nothing changed. */
static gboolean
apply_row_to_person (CardRow  *card_row,
                     NbPerson *person)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (card_row->row)));
  g_auto(GStrv) values = NULL;
  g_autofree char *value = NULL;
  NbPersonField field;

  g_strstrip (text);

  if (card_row->field == TAGS_FIELD)
    {
      g_autoptr(NbPerson) probe = nb_person_copy (person);

      values = split_values (text);
      /* Tags are normalized (sorted, unique) by the person itself. */
      nb_person_set_tags (probe, (const char * const *) values);
      if (g_strv_equal (nb_person_get_tags (probe), nb_person_get_tags (person)))
        return FALSE;
      nb_person_set_tags (person, (const char * const *) values);
      return TRUE;
    }

  field = (NbPersonField) card_row->field;
  if (field_is_multiline (card_row->field))
    {
      values = split_values (text);
      value = g_strjoinv ("\n", values);
    }
  else
    value = g_steal_pointer (&text);

  if (g_strcmp0 (value, nb_person_get_field (person, field)) == 0)
    return FALSE;

  nb_person_set_field (person, field, value);
  return TRUE;
}

static gboolean
row_has_focus (CardRow *card_row)
{
  return (gtk_widget_get_state_flags (GTK_WIDGET (card_row->row)) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;
}

/* The apply button stays until the user presses it; once a row was saved
 * another way it would only be noise. */
static void
reset_apply_button (AdwEntryRow *row)
{
  adw_entry_row_set_show_apply_button (row, FALSE);
  adw_entry_row_set_show_apply_button (row, TRUE);
}

static void
set_row_refused (CardRow    *card_row,
                 const char *text)
{
  g_free (card_row->refused_text);
  card_row->refused_text = g_strdup (text);

  if (text != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (card_row->row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (card_row->row), "error");
}

static void
load_row (CardRow  *card_row,
          gboolean  force)
{
  NbPersonCard *self = card_row->card;
  g_autofree char *value = NULL;

  /* Never clobber what the user is typing or what was refused. */
  if (!force && (row_has_focus (card_row) ||
                 card_row->save_source != 0 ||
                 card_row->refused_text != NULL))
    return;

  g_clear_handle_id (&card_row->save_source, g_source_remove);
  set_row_refused (card_row, NULL);

  value = self->person != NULL ? dup_display_value (card_row, self->person) : g_strdup ("");
  if (g_strcmp0 (value, gtk_editable_get_text (GTK_EDITABLE (card_row->row))) == 0)
    return;

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (card_row->row), value);
  self->loading = FALSE;
}

static void
report_failure (NbPersonCard *self,
                const char   *message)
{
  g_signal_emit (self, signals[SAVE_FAILED], 0, message);
}

/* @explicit: the user applied or left the row, so a refusal is told
 * (once per refused text); a pause in typing only marks the row. */
static void
save_row (CardRow  *card_row,
          gboolean  explicit,
          gboolean  quiet)
{
  NbPersonCard *self = card_row->card;
  g_autoptr(NbPerson) fresh = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_clear_handle_id (&card_row->save_source, g_source_remove);

  if (self->store == NULL || self->person == NULL)
    return;

  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (card_row->row)));

  if (card_row->refused_text != NULL && g_str_equal (text, card_row->refused_text))
    return;

  /* Half-typed dates are normal while typing: wait for apply or leave. */
  if (!explicit && field_is_date (card_row->field))
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      if (*stripped != '\0' && !nb_date_is_valid_iso (stripped))
        return;
    }

  /* Start from what is stored, so that one row never writes another
   * row's unsaved (or refused) text. */
  fresh = nb_store_get_person (self->store, nb_person_get_id (self->person), &error);
  if (fresh == NULL)
    {
      if (!quiet)
        report_failure (self, error->message);
      return;
    }

  if (!apply_row_to_person (card_row, fresh))
    {
      set_row_refused (card_row, NULL);
      return;
    }

  if (!nb_store_update_person (self->store, fresh, &error))
    {
      if (explicit)
        set_row_refused (card_row, text);
      else
        gtk_widget_add_css_class (GTK_WIDGET (card_row->row), "error");
      if (explicit && !quiet)
        report_failure (self, error->message);
      return;
    }

  set_row_refused (card_row, NULL);
  reset_apply_button (card_row->row);
}

static gboolean
on_save_timeout_cb (gpointer data)
{
  CardRow *card_row = data;

  card_row->save_source = 0;
  save_row (card_row, FALSE, FALSE);

  return G_SOURCE_REMOVE;
}

static void
on_entry_row_changed_cb (GtkEditable *editable,
                         CardRow     *card_row)
{
  if (card_row->card->loading)
    return;

  /* The user is fixing it: no red while they type. */
  gtk_widget_remove_css_class (GTK_WIDGET (card_row->row), "error");
  g_clear_pointer (&card_row->refused_text, g_free);

  g_clear_handle_id (&card_row->save_source, g_source_remove);
  card_row->save_source = g_timeout_add (SAVE_DELAY_MS, on_save_timeout_cb, card_row);
}

static void
on_entry_row_applied_cb (AdwEntryRow *row,
                         CardRow     *card_row)
{
  save_row (card_row, TRUE, FALSE);
}

static void
on_entry_row_focus_left_cb (GtkEventControllerFocus *controller,
                            CardRow                 *card_row)
{
  save_row (card_row, TRUE, FALSE);
}

static void
save_person_number (NbPersonCard *self,
                    gboolean      cadence,
                    guint         value)
{
  g_autoptr(NbPerson) fresh = NULL;
  g_autoptr(GError) error = NULL;

  if (self->loading || self->store == NULL || self->person == NULL)
    return;

  fresh = nb_store_get_person (self->store, nb_person_get_id (self->person), &error);
  if (fresh != NULL)
    {
      if (cadence)
        nb_person_set_cadence_days (fresh, value);
      else
        nb_person_set_rapport (fresh, value);
    }

  if (fresh == NULL || !nb_store_update_person (self->store, fresh, &error))
    report_failure (self, error->message);
}

static void
on_cadence_row_selected_cb (NbPersonCard *self)
{
  guint selected = adw_combo_row_get_selected (self->cadence_row);

  /* Past the standard items is the stored odd value: nothing to save. */
  if (selected < G_N_ELEMENTS (cadence_days))
    save_person_number (self, TRUE, cadence_days[selected]);
}

static void
on_rapport_row_selected_cb (NbPersonCard *self)
{
  guint selected = adw_combo_row_get_selected (self->rapport_row);

  if (selected != GTK_INVALID_LIST_POSITION)
    save_person_number (self, FALSE, selected);
}

static void
load_cadence (NbPersonCard *self)
{
  guint days = self->person != NULL ? nb_person_get_cadence_days (self->person) : 0;
  guint n_standard = G_N_ELEMENTS (cadence_days);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->cadence_model));
  g_autofree char *label = NULL;
  const char *labels[] = { NULL, NULL };

  for (guint i = 0; i < n_standard; i++)
    {
      if (cadence_days[i] == days)
        {
          adw_combo_row_set_selected (self->cadence_row, i);
          if (n_items > n_standard)
            gtk_string_list_remove (self->cadence_model, n_standard);
          return;
        }
    }

  /* A cadence set elsewhere (the CLI takes any number of days) gets an
   * item of its own after the standard ones. */
  label = g_strdup_printf (ngettext ("Every %u day", "Every %u days", days), days);
  labels[0] = label;
  gtk_string_list_splice (self->cadence_model, n_standard, n_items - n_standard, labels);
  adw_combo_row_set_selected (self->cadence_row, n_standard);
}

static void
add_entry_row (NbPersonCard        *self,
               AdwPreferencesGroup *group,
               AdwEntryRow         *row,
               int                  field)
{
  CardRow *card_row = g_new0 (CardRow, 1);
  GtkEventController *focus;

  card_row->card = self;
  card_row->row = row;
  card_row->field = field;
  g_ptr_array_add (self->rows, card_row);

  if (group != NULL)
    adw_preferences_group_add (group, GTK_WIDGET (row));

  g_signal_connect (row, "changed", G_CALLBACK (on_entry_row_changed_cb), card_row);
  g_signal_connect (row, "apply", G_CALLBACK (on_entry_row_applied_cb), card_row);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_entry_row_focus_left_cb), card_row);
  gtk_widget_add_controller (GTK_WIDGET (row), focus);
}

static AdwEntryRow *
new_field_row (NbPersonField field)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), nb_person_field_get_label (field));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);

  switch (field)
    {
    case NB_PERSON_EMAILS:
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_EMAIL);
      break;
    case NB_PERSON_PHONES:
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_PHONE);
      break;
    case NB_PERSON_URLS:
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_URL);
      break;
    case NB_PERSON_MET_DATE:
    case NB_PERSON_BIRTHDAY:
      gtk_widget_set_tooltip_text (row, _("A date as YYYY-MM-DD"));
      break;
    case NB_PERSON_DISPLAY_NAME:
    case NB_PERSON_GIVEN_NAME:
    case NB_PERSON_FAMILY_NAME:
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NAME);
      break;
    case NB_PERSON_COMPANY:
    case NB_PERSON_ROLE:
    case NB_PERSON_INDUSTRY:
    case NB_PERSON_LOCATION:
    case NB_PERSON_MET_WHERE:
    case NB_PERSON_TARGET_MARKET:
    case NB_PERSON_OFFERS:
    case NB_PERSON_INTERESTS:
    case NB_PERSON_WORK_LIKES:
    case NB_PERSON_INDUSTRY_NEWS:
    case NB_PERSON_CAREER_ORIGIN:
    case NB_PERSON_NETWORKS:
    default:
      break;
    }

  return ADW_ENTRY_ROW (row);
}

static void
nb_person_card_dispose (GObject *object)
{
  NbPersonCard *self = NB_PERSON_CARD (object);
  GtkWidget *child;

  /* Nothing typed is lost when the page goes away mid-sentence. */
  if (self->rows != NULL)
    {
      for (guint i = 0; i < self->rows->len; i++)
        {
          CardRow *card_row = g_ptr_array_index (self->rows, i);

          if (card_row->save_source != 0)
            save_row (card_row, TRUE, TRUE);
        }
    }
  g_clear_object (&self->store);
  g_clear_object (&self->person);

  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_PERSON_CARD);
  /* Not every child is bound to a template field. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->cadence_model);

  G_OBJECT_CLASS (nb_person_card_parent_class)->dispose (object);
}

static void
nb_person_card_class_init (NbPersonCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_person_card_dispose;

  signals[SAVE_FAILED] =
    g_signal_new ("save-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Netbook/nb-person-card.ui");
  gtk_widget_class_bind_template_child (widget_class, NbPersonCard, card_group);
  gtk_widget_class_bind_template_child (widget_class, NbPersonCard, contact_group);
  gtk_widget_class_bind_template_child (widget_class, NbPersonCard, interview_group);
  gtk_widget_class_bind_template_child (widget_class, NbPersonCard, touch_group);
  gtk_widget_class_bind_template_child (widget_class, NbPersonCard, tags_row);
  gtk_widget_class_bind_template_child (widget_class, NbPersonCard, cadence_row);
  gtk_widget_class_bind_template_child (widget_class, NbPersonCard, rapport_row);
  gtk_widget_class_bind_template_callback (widget_class, on_cadence_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_rapport_row_selected_cb);
}

static void
nb_person_card_init (NbPersonCard *self)
{
  const char *cadences[] = {
    _("Not set"), _("Every week"), _("Every 2 weeks"), _("Every month"),
    _("Every 3 months"), _("Every 6 months"), _("Every year"), NULL
  };
  const char *rapports[] = {
    _("Not rated"), _("1 — Distant"), _("2 — Cordial"), _("3 — Friendly"),
    _("4 — Warm"), _("5 — Close"), NULL
  };
  g_autoptr(GtkStringList) rapport_model = gtk_string_list_new (rapports);
  AdwPreferencesGroup *groups[] = {
    [GROUP_CARD] = NULL, [GROUP_CONTACT] = NULL, [GROUP_INTERVIEW] = NULL,
  };
  GtkLayoutManager *layout;

  G_STATIC_ASSERT (G_N_ELEMENTS (cadences) == G_N_ELEMENTS (cadence_days) + 1);

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 24);

  self->rows = g_ptr_array_new_with_free_func (card_row_free);
  groups[GROUP_CARD] = self->card_group;
  groups[GROUP_CONTACT] = self->contact_group;
  groups[GROUP_INTERVIEW] = self->interview_group;

  for (guint i = 0; i < G_N_ELEMENTS (card_fields); i++)
    add_entry_row (self, groups[card_fields[i].group],
                   new_field_row (card_fields[i].field), card_fields[i].field);
  add_entry_row (self, NULL, self->tags_row, TAGS_FIELD);

  self->cadence_model = gtk_string_list_new (cadences);
  adw_combo_row_set_model (self->cadence_row, G_LIST_MODEL (self->cadence_model));
  adw_combo_row_set_model (self->rapport_row, G_LIST_MODEL (rapport_model));
  self->loading = FALSE;
}

GtkWidget *
nb_person_card_new (void)
{
  return g_object_new (NB_TYPE_PERSON_CARD, NULL);
}

void
nb_person_card_set_store (NbPersonCard *self,
                          NbStore      *store)
{
  g_return_if_fail (NB_IS_PERSON_CARD (self));
  g_return_if_fail (store == NULL || NB_IS_STORE (store));

  g_set_object (&self->store, store);
}

void
nb_person_card_set_person (NbPersonCard *self,
                           NbPerson     *person)
{
  gboolean other;

  g_return_if_fail (NB_IS_PERSON_CARD (self));
  g_return_if_fail (person == NULL || NB_IS_PERSON (person));

  other = self->person == NULL || person == NULL ||
          nb_person_get_id (self->person) != nb_person_get_id (person);
  if (other)
    nb_person_card_flush (self);

  g_set_object (&self->person, person);

  for (guint i = 0; i < self->rows->len; i++)
    load_row (g_ptr_array_index (self->rows, i), other);

  self->loading = TRUE;
  load_cadence (self);
  adw_combo_row_set_selected (self->rapport_row, person != NULL ? MIN (nb_person_get_rapport (person), 5) : 0);
  self->loading = FALSE;
}

void
nb_person_card_flush (NbPersonCard *self)
{
  g_return_if_fail (NB_IS_PERSON_CARD (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      CardRow *card_row = g_ptr_array_index (self->rows, i);

      if (card_row->save_source != 0)
        save_row (card_row, TRUE, FALSE);
    }
}
