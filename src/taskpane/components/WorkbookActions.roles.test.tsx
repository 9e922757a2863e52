/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import type { Role } from '../../contract/roles';
import { RoleContext } from '../hooks/useRole';
import { batchSheetInfo, engineStub, sheetInfo, show } from '../test-support';
import { WorkbookActions } from './WorkbookActions';
import type { SheetInfo } from '../../engine/engine-types';

const render = (role: Role, info: SheetInfo) =>
  show(
    <RoleContext.Provider value={role}>
      <WorkbookActions engine={engineStub()} info={info} selection={undefined} />
    </RoleContext.Provider>,
  );
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

describe('WorkbookActions by role', () => {
  it('when a viewer opens a sheet, then upload, mark and delete are disabled and the pane says why; download stays', () => {
    render('viewer', sheetInfo);
    for (const name of ['Upload changes', 'Mark selected rows for deletion', 'Delete marked rows']) expect(button(name).disabled).toBe(true);
    expect(button('Download again').disabled).toBe(false);
    expect(screen.getByRole('group', { name: 'What your role allows' }).textContent).toContain('Your role (Viewer) cannot do this: it needs an Editor or higher.');
  });

  it('when an editor opens a batch, then lines can be uploaded but processing and back-out are disabled, saying a batch processor is needed', () => {
    render('editor', batchSheetInfo);
    expect(button('Upload changes').disabled).toBe(false);
    expect(button('Process batch').disabled).toBe(true);
    expect(button('Back out life event…').disabled).toBe(true);
    expect(screen.getByRole('group', { name: 'What your role allows' }).textContent).toContain('it needs a Batch processor or higher');
  });

  it('when a batch processor opens a batch, then every action is offered and nothing is said about the role', () => {
    render('batch-processor', batchSheetInfo);
    expect(button('Process batch').disabled).toBe(false);
    expect(screen.queryByRole('group', { name: 'What your role allows' })).toBeNull();
  });
});
