// The catalogue pages: sales stages, products, competitors.
export const catalog = {
  catalog: {
    newStage: '新建阶段',
    editStage: '编辑阶段',
    deleteStageConfirm: '删除阶段“{{name}}”？',
    moveUp: '上移',
    moveDown: '下移',
    addCriterion: '添加条件',
    closedStages: '关闭阶段（赢单 / 输单）',
    openStages: '进行中的阶段',
    newProduct: '新建产品',
    editProduct: '编辑产品',
    deleteProductConfirm: '删除产品“{{name}}”？',
    noProducts: '暂无产品',
    inactive: '停售',
    newCompetitor: '新建竞争对手',
    editCompetitor: '编辑竞争对手',
    deleteCompetitorConfirm: '删除竞争对手“{{name}}”？',
    noCompetitors: '暂无竞争对手',
  },
};
