// Image and other asset imports in jest resolve to their file name stand-in.
export default 'test-file-stub';
