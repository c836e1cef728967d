import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Field, FormError } from '@/components';
import { ApiFailure } from '@/api';
import { currentErrors, useSubmission } from './use-submission';

function CaseForm({ send }: { send: () => Promise<unknown> }) {
  const [title, setTitle] = useState('');
  const [court, setCourt] = useState('');
  const form = useSubmission({
    values: { title, court },
    validate: (v): Record<string, string> => (v.title.trim() ? {} : { title: '请填写案件名称' }),
  });
  return (
    <div>
      <Field
        id="title"
        label="案件名称"
        value={title}
        onChange={setTitle}
        maxLength={40}
        error={form.errors.title}
      />
      <Field
        id="court"
        label="法院"
        value={court}
        onChange={setCourt}
        maxLength={40}
        error={form.errors.court}
      />
      <FormError>{form.errors.caseType}</FormError>
      <button
        onClick={() => {
          if (form.check()) void form.run(send, { onFailure: () => undefined });
        }}
      >
        创建案件
      </button>
    </div>
  );
}

const typeInto = (id: string, value: string) =>
  fireEvent.input(document.querySelector(`#${id} input, input#${id}`) as Element, { target: { value } });

describe('form errors', () => {
  it('shows a missing field, scrolls to it and says it, then clears it as soon as it is filled', async () => {
    render(<CaseForm send={async () => ({})} />);
    fireEvent.click(screen.getByText('创建案件'));
    expect(screen.getByRole('alert').textContent).toBe('请填写案件名称');
    expect(document.querySelector('.ct-invalid')).not.toBeNull();
    expect(Taro.pageScrollTo).toHaveBeenCalledWith(expect.objectContaining({ selector: '.ct-invalid' }));
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请填写案件名称' }));

    await act(async () => typeInto('title', '   '));
    expect(screen.queryByText('请填写案件名称')).not.toBeNull();
    await act(async () => typeInto('title', '李女士诉某公司'));
    expect(screen.queryByText('请填写案件名称')).toBeNull();
    expect(document.querySelector('.ct-invalid')).toBeNull();
  });

  it('keeps a server issue on its field until that field is edited', async () => {
    const refuse = async () => {
      throw new ApiFailure('INVALID_ARGUMENT', '输入有误', [{ path: 'court', message: '法院名称过长' }]);
    };
    render(<CaseForm send={refuse} />);
    await act(async () => typeInto('title', '李女士诉某公司'));
    await act(async () => fireEvent.click(screen.getByText('创建案件')));
    expect(screen.getByRole('alert').textContent).toBe('法院名称过长');
    expect(Taro.pageScrollTo).toHaveBeenCalledTimes(1);
    await act(async () => typeInto('title', '李女士诉某科技公司'));
    expect(screen.queryByText('法院名称过长')).not.toBeNull();
    await act(async () => typeInto('court', '上海市徐汇区人民法院'));
    expect(screen.queryByText('法院名称过长')).toBeNull();
  });

  it('shows errors as before when a form gives neither values nor checks', () => {
    expect(currentErrors({ errors: { a: 'x' }, values: undefined }, undefined, undefined)).toEqual({
      a: 'x',
    });
  });
});
