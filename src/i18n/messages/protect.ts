// Messages of the protected data set: refused statements, the integrity check and the one-click restore.
export const zh = {
  protect_refused_title: '已拒绝执行，数据未改动',
  protect_refused_relation:
    '“{name}”是工作台载入的{kind}，对用户只读：{action} 会让概览、报告目录、报告查看和图表显示错误的数字或出错，所以没有执行。',
  protect_refused_hint: '想改动数据，先复制一份到自己的表，再随意修改、删除：',
  protect_refused_selection: '“selection”是报告目录当前筛选出的报告，由目录面板维护，只读。要保存它，请复制一份：',
  protect_refused_database: '{action} {name} 会卸下工作台的整个数据库（所有面板都依赖它），所以没有执行。',
  protect_refused_setting:
    '设置 {name} 作用于整个工作台（所有面板共用同一个数据库），修改它可能让其他面板出错或结果改变，所以没有执行。只影响本次会话的设置（如 search_path、SET VARIABLE）仍可使用。',
  protect_kind_table: '基础数据表',
  protect_kind_view: '基础视图',
  protect_damaged_title: '基础数据已被改动',
  protect_damaged_body: '有语句绕过了保护，改动了工作台载入的数据；其他面板可能显示错误的数字或出错：',
  protect_problem_missing: '{name} 不存在了',
  protect_problem_kind: '{name} 已不是原来的表或视图',
  protect_problem_rows: '{name} 现有 {rows} 行（载入时 {expected} 行）',
  protect_problem_changed: '视图 {name} 的定义被替换',
  protect_restore: '一键恢复基础数据',
  protect_restoring: '正在从数据文件恢复…',
  protect_restored: '已从数据文件恢复基础表和视图，各面板已重新加载。你自己建的表未受影响。',
  protect_restore_failed: '恢复失败：{message}。刷新页面可重新载入全部数据（编辑器里的 SQL 会保留在链接中）。',
  protect_dismiss: '知道了',
  protect_download_refused: '只能下载查询（SELECT 等只读语句）的结果：这条语句会修改数据库，下载时会再执行一遍，所以不下载。请先运行一条 SELECT 查询。',
  protect_readonly: '只读',
  protect_readonly_title: '工作台载入的基础数据，只读；可用 CREATE TABLE … AS SELECT 复制后修改',
};

export const en: typeof zh = {
  protect_refused_title: 'Refused — nothing was changed',
  protect_refused_relation:
    '“{name}” is a {kind} of the loaded data set and is read-only: {action} would make the Overview, Catalog, report viewer and charts show wrong numbers or fail, so it was not run.',
  protect_refused_hint: 'To change the data, copy it into a table of your own first, then modify or drop that freely:',
  protect_refused_selection: '“selection” holds the reports the Catalog currently selects; the Catalog maintains it and it is read-only. To keep it, copy it:',
  protect_refused_database: '{action} {name} would take away the workbench’s whole database (every panel depends on it), so it was not run.',
  protect_refused_setting:
    'The setting {name} applies to the whole workbench (every panel shares one database); changing it could break the other panels or change their results, so it was not run. Settings that only affect your session (search_path, SET VARIABLE) still work.',
  protect_kind_table: 'base table',
  protect_kind_view: 'base view',
  protect_damaged_title: 'The loaded data set was changed',
  protect_damaged_body: 'A statement got past the protection and changed the loaded data; the other panels may show wrong numbers or fail:',
  protect_problem_missing: '{name} is gone',
  protect_problem_kind: '{name} is no longer the original table or view',
  protect_problem_rows: '{name} has {rows} rows ({expected} when loaded)',
  protect_problem_changed: 'the definition of view {name} was replaced',
  protect_restore: 'Restore the data set',
  protect_restoring: 'Restoring from the data files…',
  protect_restored: 'Base tables and views were restored from the data files and the panels reloaded. Your own tables were kept.',
  protect_restore_failed: 'Restore failed: {message}. Reloading the page loads all data again (the SQL in the editor stays in the link).',
  protect_dismiss: 'OK',
  protect_download_refused: 'Only the result of a query (SELECT and other read-only statements) can be downloaded: this statement changes the database and downloading would run it again, so it is not downloaded. Run a SELECT first.',
  protect_readonly: 'read-only',
  protect_readonly_title: 'Part of the loaded data set, read-only; copy it with CREATE TABLE … AS SELECT to change it',
};
