/* nb-briefing-page-private.h: what the files of NbBriefingPage share.
 *
 * nb-briefing-page.c is the widget and how it follows the store;
 * nb-briefing-page-sections.c fills its sections from the briefing;
 * nb-briefing-page-export.c prints it and exports it as Markdown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-briefing-page.h"

G_BEGIN_DECLS

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

/* ---- nb-briefing-page.c ------------------------------------------------ */

/* Takes ownership of @toast. */
void  _nb_briefing_page_show_toast        (NbBriefingPage *self,
                                           AdwToast       *toast);
/* An error toast that stays until read. Toast titles are markup: the
 * arguments must already be escaped (g_markup_escape_text()). */
void  _nb_briefing_page_show_error_toast  (NbBriefingPage *self,
                                           const char     *format,
                                           ...) G_GNUC_PRINTF (2, 3);

/* ---- nb-briefing-page-sections.c --------------------------------------- */

/* Shows self->briefing, which must be set. */
void  _nb_briefing_page_fill              (NbBriefingPage *self);

G_END_DECLS
