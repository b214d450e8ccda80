// Messages of a big result paged through in the grid.
export const zh = {
  paging_at_least: '至少 {n} 行',
  paging_shown: '显示第 {a}–{b} 行',
  paging_counting: '正在统计总行数…',
  paging_first_only: '该语句不会重新运行，只能显示前 {n} 行',
  paging_count_cancelled: '已停止统计，只显示前 {n} 行',
  paging_failed: '无法分页浏览，只显示前 {n} 行',
  paging_first: '第一行',
  paging_prev: '上一屏',
  paging_next: '下一屏',
  paging_last: '最后一行',
  paging_goto: '跳到行',
  paging_go: '跳转',
};

export const en: typeof zh = {
  paging_at_least: 'at least {n} rows',
  paging_shown: 'showing {a}–{b}',
  paging_counting: 'counting all rows…',
  paging_first_only: 'the statement is not run again, so only the first {n} rows can be shown',
  paging_count_cancelled: 'counting stopped; showing the first {n} rows',
  paging_failed: 'cannot page through this result; showing the first {n} rows',
  paging_first: 'First row',
  paging_prev: 'Previous screen',
  paging_next: 'Next screen',
  paging_last: 'Last row',
  paging_goto: 'Go to row',
  paging_go: 'Go',
};
