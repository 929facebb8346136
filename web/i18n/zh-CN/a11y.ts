// Names read out by screen readers for controls whose purpose the screen shows only by position (issue 21, item 10).
export const a11y = {
  a11y: {
    sortBy: '排序方式',
    closeFrom: '签约日期起',
    closeTo: '签约日期止',
  },
};
