import type { Widen } from '../types.ts';
import type { catalog as zh } from '../zh-CN/catalog.ts';

export const catalog: Widen<typeof zh> = {
  catalog: {
    newStage: 'New stage',
    editStage: 'Edit stage',
    deleteStageConfirm: 'Delete the stage “{{name}}”?',
    moveUp: 'Move up',
    moveDown: 'Move down',
    addCriterion: 'Add criterion',
    closedStages: 'Closing stages (won / lost)',
    openStages: 'Open stages',
    newProduct: 'New product',
    editProduct: 'Edit product',
    deleteProductConfirm: 'Delete the product “{{name}}”?',
    noProducts: 'No products',
    inactive: 'Not on sale',
    newCompetitor: 'New competitor',
    editCompetitor: 'Edit competitor',
    deleteCompetitorConfirm: 'Delete the competitor “{{name}}”?',
    noCompetitors: 'No competitors',
  },
};
