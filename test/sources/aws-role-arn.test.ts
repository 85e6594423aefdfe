import { parseRoleArn, roleArnProblem } from '../../lib/sources/aws-role-arn';

describe('parseRoleArn', () => {
  test.each([
    ['arn:aws:iam::123456789012:role/notebook-s3', { partition: 'aws', accountId: '123456789012', path: '/', roleName: 'notebook-s3' }],
    ['arn:aws-cn:iam::123456789012:role/team/a/Notebook+S3=x,y.z@w_v-u', { partition: 'aws-cn', accountId: '123456789012', path: '/team/a/', roleName: 'Notebook+S3=x,y.z@w_v-u' }],
    ['arn:aws-us-gov:iam::000000000000:role/r', { partition: 'aws-us-gov', accountId: '000000000000', path: '/', roleName: 'r' }],
  ])('%s is a role ARN', (arn, parts) => {
    // GIVEN WHEN THEN
    expect(parseRoleArn(arn)).toEqual(parts);
  });

  test.each([
    ['', /is empty/],
    ['arn:aws:iam::123456789012:user/alice', /is not an IAM role ARN/],
    ['arn:aws:s3:::bucket', /is not an IAM role ARN/],
    ['arn:aws-iso:iam::123456789012:role/r', /has a partition that is not one/],
    ['arn:aws:iam::12345678901:role/r', /not 12 digits/],
    ['arn:aws:iam::1234567890123:role/r', /not 12 digits/],
    ['arn:aws:iam::123456789012:role/', /role name/],
    ['arn:aws:iam::123456789012:role/' + 'r'.repeat(65), /role name/],
    ['arn:aws:iam::123456789012:role/a b', /role name/],
    ['arn:aws:iam::123456789012:role//r', /role path/],
  ])('%j is refused', (arn, problem) => {
    // GIVEN WHEN THEN
    expect(roleArnProblem(arn)).toMatch(problem);
  });

  test('no message holds the ARN it refuses', () => {
    // GIVEN an ARN with a distinctive role name that IAM does not allow
    const arn = 'arn:aws:iam::123456789012:role/leaked name';
    // WHEN THEN
    expect(roleArnProblem(arn)).not.toContain('leaked');
  });

  test('nor the partition, even one that reads as a partition name', () => {
    // GIVEN a secret key pasted where the partition goes, and a partition IAM does not serve
    const pasted = 'arn:wJalrXUtnFEMI/FAKE+SECRET/KEY00000000:iam::123456789012:role/r';
    // WHEN THEN
    expect(roleArnProblem(pasted)).toBe('has a partition that is not one: give one of "aws", "aws-cn", "aws-us-gov"');
    expect(roleArnProblem('arn:aws-iso:iam::123456789012:role/r')).toBe('has a partition that is not one: give one of "aws", "aws-cn", "aws-us-gov"');
  });
});
