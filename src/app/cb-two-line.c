/* cb-two-line.c: the rows of the app's lists: a name and a dim line under it
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One look for the lists of records, search results and the like, made
 * in one place.
 */

#define G_LOG_DOMAIN "cb-two-line"

#include "config.h"

#include "cb-two-line.h"

/**
 * cb_two_line_new:
 *
 * Returns: (transfer floating): a row for a list item factory's setup
 */
GtkWidget *
cb_two_line_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  return box;
}

/**
 * cb_two_line_set:
 * @subtitle: (nullable): the dim line; hidden when empty
 */
void
cb_two_line_set (GtkWidget  *row,
                 const char *title,
                 const char *subtitle)
{
  GtkWidget *title_label = gtk_widget_get_first_child (row);
  GtkWidget *subtitle_label = gtk_widget_get_next_sibling (title_label);

  gtk_label_set_text (GTK_LABEL (title_label), title);
  gtk_label_set_text (GTK_LABEL (subtitle_label), subtitle ? subtitle : "");
  gtk_widget_set_visible (subtitle_label, subtitle != NULL && *subtitle != '\0');
}
