/* cb-bench.c: coursebridge-cli bench
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates synthetic projects, then measures the median time to load
 * (parse and build the model), validate and save them, and the peak
 * memory of a process that loads one, beside Python's json.load and
 * json.dump(indent=2) on the same file in the same run.
 */

#define G_LOG_DOMAIN "cb-bench"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "coursebridge-core.h"
#include "cb-synth.h"
#include "cb-cli.h"

typedef struct
{
  const char *name;
  CbSynthSize size;
  guint runs;
} Scale;

typedef struct
{
  const char *name;
  gsize file_size;
  guint entities;
  double load, validate, save, serialize;
  double py_load, py_dump;
  gint64 peak_kb, py_peak_kb;
  guint errors;
} Figures;

static const char python_script[] =
  "import json, sys, time, statistics\n"
  "path, runs, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]\n"
  "loads, dumps = [], []\n"
  "for _ in range(runs):\n"
  "    t = time.perf_counter()\n"
  "    with open(path, encoding='utf-8') as f:\n"
  "        data = json.load(f)\n"
  "    loads.append(time.perf_counter() - t)\n"
  "    t = time.perf_counter()\n"
  "    with open(out, 'w', encoding='utf-8') as f:\n"
  "        json.dump(data, f, indent=2, ensure_ascii=False)\n"
  "    dumps.append(time.perf_counter() - t)\n"
  "hwm = [l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM:')][0]\n"
  "print(statistics.median(loads), statistics.median(dumps), hwm)\n";

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* Entities are counted through the public API: walk every list. */
static guint
count_entities (CbEntity *entity)
{
  const CbKindDef *def = cb_entity_get_kind_def (entity);
  guint n = 1;

  for (guint i = 0; i < def->n_fields; i++)
    {
      if (def->fields[i].type == CB_FIELD_OBJECT && cb_entity_get_object (entity, def->fields[i].name))
        n += count_entities (cb_entity_get_object (entity, def->fields[i].name));
      else if (def->fields[i].type == CB_FIELD_LIST)
        {
          GListModel *list = cb_entity_get_children (entity, def->fields[i].name);

          for (guint j = 0; j < g_list_model_get_n_items (list); j++)
            {
              g_autoptr (CbEntity) child = g_list_model_get_item (list, j);

              n += count_entities (child);
            }
        }
    }
  return n;
}

static gint64
measure_child_peak (const char *self_path,
                    const char *file)
{
  const char *argv[] = { self_path, "bench", "--measure-load", file, NULL };
  g_autofree char *out = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                     &status, NULL) || !g_spawn_check_wait_status (status, NULL))
    return -1;
  return g_ascii_strtoll (out, NULL, 10);
}

static gboolean
run_python (const char *file,
            const char *dump_path,
            guint       runs,
            Figures    *figures)
{
  g_autofree char *python = NULL;
  g_autofree char *runs_str = g_strdup_printf ("%u", runs);
  g_autofree char *out = NULL;
  g_auto (GStrv) parts = NULL;
  int status = 0;

  python = g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE)
           ? g_strdup ("/usr/bin/python3") : g_find_program_in_path ("python3");
  if (python == NULL)
    return FALSE;
  {
    const char *argv[] = { python, "-c", python_script, file, runs_str, dump_path, NULL };

    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                       &status, NULL) || !g_spawn_check_wait_status (status, NULL))
      return FALSE;
  }
  parts = g_strsplit_set (g_strstrip (out), " ", -1);
  if (g_strv_length (parts) != 3)
    return FALSE;
  figures->py_load = g_ascii_strtod (parts[0], NULL);
  figures->py_dump = g_ascii_strtod (parts[1], NULL);
  figures->py_peak_kb = g_ascii_strtoll (parts[2], NULL, 10);
  return TRUE;
}

static gboolean
bench_scale (const Scale *scale,
             const char  *dir,
             const char  *self_path,
             Figures     *figures,
             GError     **error)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.coursebridge", dir, scale->name);
  g_autofree char *save_path = g_strdup_printf ("%s/%s-saved.coursebridge", dir, scale->name);
  g_autofree char *py_path = g_strdup_printf ("%s/%s-python.json", dir, scale->name);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) save_file = g_file_new_for_path (save_path);
  g_autoptr (CbProject) generated = NULL;
  g_autoptr (CbProject) loaded = NULL;
  g_autofree double *times = g_new (double, scale->runs);
  g_autofree char *contents = NULL;
  gsize length = 0;

  memset (figures, 0, sizeof *figures);
  figures->name = scale->name;

  generated = cb_synth_project (&scale->size);
  if (!cb_project_save_to_file (generated, file, CB_SAVE_OVERWRITE_CHANGED, NULL, error))
    return FALSE;
  g_clear_object (&generated);
  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  figures->file_size = length;

  for (guint i = 0; i < scale->runs; i++)
    {
      double start = now ();
      g_autoptr (CbProject) project = cb_project_load_from_data (contents, length, CB_LOAD_NONE, error);

      if (project == NULL)
        return FALSE;
      times[i] = now () - start;
    }
  figures->load = median (times, scale->runs);

  loaded = cb_project_load_from_file (file, CB_LOAD_NONE, NULL, error);
  if (loaded == NULL)
    return FALSE;
  figures->entities = count_entities (CB_ENTITY (loaded));

  for (guint i = 0; i < scale->runs; i++)
    {
      double start = now ();
      g_autoptr (GListStore) problems = cb_validate (loaded);

      times[i] = now () - start;
      figures->errors = cb_problems_count (G_LIST_MODEL (problems), CB_SEVERITY_ERROR);
    }
  figures->validate = median (times, scale->runs);

  for (guint i = 0; i < scale->runs; i++)
    {
      double start = now ();
      g_autoptr (GBytes) bytes = cb_project_serialize (loaded);

      times[i] = now () - start;
      g_assert (g_bytes_get_size (bytes) == length);
    }
  figures->serialize = median (times, scale->runs);

  for (guint i = 0; i < scale->runs; i++)
    {
      double start = now ();

      if (!cb_project_save_to_file (loaded, save_file, CB_SAVE_OVERWRITE_CHANGED, NULL, error))
        return FALSE;
      times[i] = now () - start;
    }
  figures->save = median (times, scale->runs);
  g_clear_object (&loaded);

  figures->peak_kb = measure_child_peak (self_path, path);
  if (!run_python (path, py_path, scale->runs, figures))
    figures->py_load = figures->py_dump = -1;

  g_unlink (save_path);
  g_unlink (py_path);
  return TRUE;
}

static char *
ratio (double ours,
       double theirs)
{
  if (theirs <= 0)
    return g_strdup ("–");
  return g_strdup_printf ("%.2f×", ours / theirs);
}

/* Columns are padded by their width on a terminal, where a CJK character
 * takes two cells. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

static void
append_cell (GString    *line,
             const char *text,
             guint       width,
             gboolean    left)
{
  guint used = display_width (text);
  guint pad = used < width ? width - used : 0;

  if (line->len > 0)
    g_string_append_c (line, ' ');
  if (!left)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (line, ' ');
  g_string_append (line, text);
  if (left)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (line, ' ');
}

static void
print_table (Figures *rows,
             guint    n)
{
  /* Translators: column headers of the benchmark table; keep them short */
  const char *headers[] = {
    _("size"), _("file"), _("records"), _("load"), _("py load"), _("ratio"),
    _("validate"), _("vs load"), _("serialize"), _("save"), _("py dump"), _("ratio"),
    _("peak RSS"), _("× file"),
  };
  const guint widths[G_N_ELEMENTS (headers)] = { 6, 9, 8, 9, 9, 6, 9, 7, 9, 9, 9, 6, 9, 6 };
  g_autoptr (GString) line = g_string_new (NULL);

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    append_cell (line, headers[c], widths[c], c == 0);
  g_print ("%s\n", line->str);

  for (guint i = 0; i < n; i++)
    {
      Figures *f = &rows[i];
      char *cells[G_N_ELEMENTS (headers)];

      cells[0] = g_strdup (f->name);
      cells[1] = g_format_size (f->file_size);
      cells[2] = g_strdup_printf ("%u", f->entities);
      cells[3] = g_strdup_printf ("%.1fms", f->load * 1e3);
      cells[4] = g_strdup_printf ("%.1fms", f->py_load * 1e3);
      cells[5] = ratio (f->load, f->py_load);
      cells[6] = g_strdup_printf ("%.1fms", f->validate * 1e3);
      cells[7] = g_strdup_printf ("%.1f%%", 100 * f->validate / f->load);
      cells[8] = g_strdup_printf ("%.1fms", f->serialize * 1e3);
      cells[9] = g_strdup_printf ("%.1fms", f->save * 1e3);
      cells[10] = g_strdup_printf ("%.1fms", f->py_dump * 1e3);
      cells[11] = ratio (f->save, f->py_dump);
      cells[12] = g_format_size ((guint64) MAX (f->peak_kb, 0) * 1024);
      cells[13] = g_strdup_printf ("%.2f×", (double) f->peak_kb * 1024 / f->file_size);

      g_string_truncate (line, 0);
      for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
        {
          append_cell (line, cells[c], widths[c], c == 0);
          g_free (cells[c]);
        }
      g_print ("%s\n", line->str);
    }
}

static void
print_json_figures (Figures *rows,
                    guint    n)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      Figures *f = &rows[i];

      json_builder_begin_object (builder);
#define MEMBER_DOUBLE(name, value) \
      json_builder_set_member_name (builder, name); json_builder_add_double_value (builder, value)
#define MEMBER_INT(name, value) \
      json_builder_set_member_name (builder, name); json_builder_add_int_value (builder, value)
      json_builder_set_member_name (builder, "size");
      json_builder_add_string_value (builder, f->name);
      MEMBER_INT ("file_bytes", f->file_size);
      MEMBER_INT ("records", f->entities);
      MEMBER_INT ("errors", f->errors);
      MEMBER_DOUBLE ("load_s", f->load);
      MEMBER_DOUBLE ("validate_s", f->validate);
      MEMBER_DOUBLE ("serialize_s", f->serialize);
      MEMBER_DOUBLE ("save_s", f->save);
      MEMBER_DOUBLE ("python_load_s", f->py_load);
      MEMBER_DOUBLE ("python_dump_s", f->py_dump);
      MEMBER_INT ("peak_rss_kb", f->peak_kb);
      MEMBER_INT ("python_peak_rss_kb", f->py_peak_kb);
#undef MEMBER_DOUBLE
#undef MEMBER_INT
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/* The peak resident size of this process in KiB. VmHWM is per address
 * space, so unlike ru_maxrss it does not inherit the parent's peak
 * through fork and exec. */
static gint64
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line ? g_ascii_strtoll (line + strlen ("VmHWM:"), NULL, 10) : -1;
}

static int
measure_load (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CbProject) project = cb_project_load_from_file (file, CB_LOAD_NONE, NULL, &error);

  if (project == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  g_print ("%" G_GINT64_FORMAT "\n", peak_rss_kb ());
  return 0;
}

int
cb_cli_command_bench (int    argc,
                      char **argv)
{
  gboolean as_json = FALSE;
  gboolean quick = FALSE;
  g_autofree char *measure = NULL;
  g_autofree char *keep = NULL;
  int runs = 0;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the figures as JSON"), NULL },
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, N_("Only the large project, three runs"), NULL },
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, N_("Runs per measurement (default 5)"), N_("N") },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, N_("Keep the generated projects in DIR"), N_("DIR") },
    { "measure-load", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &measure, NULL, NULL },
    { NULL }
  };
  Scale scales[] = {
    { "large", { 60, 20, 800, 12, 4, 10, 1 }, 5 },
    { "huge", { 600, 20, 8000, 12, 4, 10, 2 }, 3 },
  };
  g_autoptr (GOptionContext) context =
    g_option_context_new (_("— measure loading, validating and saving large projects"));
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *self_path = NULL;
  Figures rows[G_N_ELEMENTS (scales)];
  guint n_scales;
  int status = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  {
    g_autoptr (GError) parse_error = NULL;

    if (!g_option_context_parse (context, &argc, &argv, &parse_error))
      {
        g_printerr ("%s\n", parse_error->message);
        return 2;
      }
  }
  if (measure != NULL)
    return measure_load (measure);
  n_scales = quick ? 1 : G_N_ELEMENTS (scales);

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (keep != NULL)
    {
      g_mkdir_with_parents (keep, 0755);
      dir = g_strdup (keep);
    }
  else if ((dir = g_dir_make_tmp ("coursebridge-bench-XXXXXX", &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  for (guint i = 0; i < n_scales; i++)
    {
      if (runs > 0)
        scales[i].runs = (guint) runs;
      else if (quick)
        scales[i].runs = 3;
      if (!as_json)
        g_printerr (_("Measuring the %s project…\n"), scales[i].name);
      if (!bench_scale (&scales[i], dir, self_path, &rows[i], &error))
        {
          g_printerr ("%s\n", error->message);
          status = 2;
          n_scales = i;
          break;
        }
    }

  if (as_json)
    print_json_figures (rows, n_scales);
  else
    print_table (rows, n_scales);

  if (keep == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
        {
          g_autofree char *path = g_strdup_printf ("%s/%s.coursebridge", dir, scales[i].name);

          g_unlink (path);
        }
      g_rmdir (dir);
    }
  return status;
}
