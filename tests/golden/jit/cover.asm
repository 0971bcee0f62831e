func 0: params=1 locals=0 results=1 frame=4
268 bytes of machine code, 0 of them data; 4 of 4 IR instructions compiled
entry and exit:
      0000  push rbx
      0001  push rbp
      0002  push r12
      0004  push r13
      0006  push r14
      0008  push r15
      000a  sub rsp, 0x08
      000e  mov rbx, rdi
      0011  mov r15, rsi
      0014  mov r14, rcx
      0017  mov r13, r8
      001a  jmp rdx
      001c  mov rdx, rbx
      001f  add rsp, 0x08
      0023  pop r15
      0025  pop r14
      0027  pop r13
      0029  pop r12
      002b  pop rbp
      002c  pop rbx
      002d  ret
   0: op_const32_si s2 i0x5
      002e  mov eax, 0x05
      0033  mov [rbx+0x10], rax
   4: op_struct_set_4_ssi s0 s2 i0x0
      0037  mov rax, [rbx]
      003a  test rax, rax
      003d  jz 0x00f1
      0043  mov edx, [rbx+0x10]
      0046  mov [rax+0x10], edx
   9: op_struct_get_i64_ssi s0 s0 i0x8
      0049  mov rax, [rbx]
      004c  test rax, rax
      004f  jz 0x00fa
      0055  mov rax, [rax+0x18]
      0059  mov [rbx], rax
  14: op_return
      005c  mov rcx, [r15+0x28]
      0060  mov rsi, [rcx-0x08]
      0064  mov rdi, [rcx-0x18]
      0068  test rsi, rsi
      006b  jz 0x0103
      0071  test dil, 0x01
      0075  jnz 0x0103
      007b  mov rdx, [rsi+0x70]
      007f  mov rax, [rdx+0xD8]
      0086  test rax, rax
      0089  jz 0x0103
      008f  mov r8, [rax+0x28]
      0093  test r8, r8
      0096  jz 0x0103
      009c  mov r13, [rdx+0x18]
      00a0  sub rdi, r13
      00a3  mov edi, [r8+rdi*1]
      00a7  add rdi, [rax]
      00aa  add rcx, 0xffffffffffffffe8
      00ae  mov [r15+0x28], rcx
      00b2  mov [r15+0x10], rsi
      00b6  mov rbx, [rcx+0x08]
      00ba  mov rax, [rsi+0x10]
      00be  cmp rax, [r15+0x18]
      00c2  jz 0x00e6
      00c8  mov [r15+0x18], rax
      00cc  mov rcx, [rax+0x110]
      00d3  mov [r15+0x20], rcx
      00d7  xor r14d, r14d
      00da  test rcx, rcx
      00dd  jz 0x00e6
      00e3  mov r14, [rcx]
      00e6  jmp rdi
out of line (hand-overs):
      00e8  lea rax, [r13+0x40]  ; hand over at @16
      00ec  jmp 0x001c
      00f1  lea rax, [r13+0x10]  ; hand over at @4
      00f5  jmp 0x001c
      00fa  lea rax, [r13+0x24]  ; hand over at @9
      00fe  jmp 0x001c
      0103  lea rax, [r13+0x38]  ; hand over at @14
      0107  jmp 0x001c

func 1: params=2 locals=0 results=1 frame=5
284 bytes of machine code, 1 of them data; 4 of 4 IR instructions compiled
entry and exit:
      0000  push rbx
      0001  push rbp
      0002  push r12
      0004  push r13
      0006  push r14
      0008  push r15
      000a  sub rsp, 0x08
      000e  mov rbx, rdi
      0011  mov r15, rsi
      0014  mov r14, rcx
      0017  mov r13, r8
      001a  jmp rdx
      001c  mov rdx, rbx
      001f  add rsp, 0x08
      0023  pop r15
      0025  pop r14
      0027  pop r13
      0029  pop r12
      002b  pop rbp
      002c  pop rbx
      002d  ret
   0: op_array_get_i16_s_sss s2 s0 s1
      002e  mov rax, [rbx]
      0031  test rax, rax
      0034  jz 0x0100
      003a  mov ecx, [rbx+0x08]
      003d  cmp ecx, [rax+0x08]
      0040  jnb 0x0100
      0046  movsx eax, word ptr [rax+rcx*2+0x10]
      004b  mov [rbx+0x10], rax
   5: op_array_len_ss s3 s0
      004f  mov rax, [rbx]
      0052  test rax, rax
      0055  jz 0x0109
      005b  mov eax, [rax+0x08]
      005e  mov [rbx+0x18], rax
   9: op_i32_add_sss s0 s2 s3
      0062  mov eax, [rbx+0x10]
      0065  add eax, [rbx+0x18]
      0068  mov [rbx], rax
  14: op_return
      006b  mov rcx, [r15+0x28]
      006f  mov rsi, [rcx-0x08]
      0073  mov rdi, [rcx-0x18]
      0077  test rsi, rsi
      007a  jz 0x0112
      0080  test dil, 0x01
      0084  jnz 0x0112
      008a  mov rdx, [rsi+0x70]
      008e  mov rax, [rdx+0xD8]
      0095  test rax, rax
      0098  jz 0x0112
      009e  mov r8, [rax+0x28]
      00a2  test r8, r8
      00a5  jz 0x0112
      00ab  mov r13, [rdx+0x18]
      00af  sub rdi, r13
      00b2  mov edi, [r8+rdi*1]
      00b6  add rdi, [rax]
      00b9  add rcx, 0xffffffffffffffe8
      00bd  mov [r15+0x28], rcx
      00c1  mov [r15+0x10], rsi
      00c5  mov rbx, [rcx+0x08]
      00c9  mov rax, [rsi+0x10]
      00cd  cmp rax, [r15+0x18]
      00d1  jz 0x00f5
      00d7  mov [r15+0x18], rax
      00db  mov rcx, [rax+0x110]
      00e2  mov [r15+0x20], rcx
      00e6  xor r14d, r14d
      00e9  test rcx, rcx
      00ec  jz 0x00f5
      00f2  mov r14, [rcx]
      00f5  jmp rdi
out of line (hand-overs):
      00f7  lea rax, [r13+0x40]  ; hand over at @16
      00fb  jmp 0x001c
      0100  lea rax, [r13]  ; hand over at @0
      0104  jmp 0x001c
      0109  lea rax, [r13+0x14]  ; hand over at @5
      010d  jmp 0x001c
      0112  lea rax, [r13+0x38]  ; hand over at @14
      0116  jmp 0x001c
data: 1 bytes (branch tables, padding)

func 2: params=1 locals=0 results=1 frame=3
284 bytes of machine code, 0 of them data; 4 of 4 IR instructions compiled
entry and exit:
      0000  push rbx
      0001  push rbp
      0002  push r12
      0004  push r13
      0006  push r14
      0008  push r15
      000a  sub rsp, 0x08
      000e  mov rbx, rdi
      0011  mov r15, rsi
      0014  mov r14, rcx
      0017  mov r13, r8
      001a  jmp rdx
      001c  mov rdx, rbx
      001f  add rsp, 0x08
      0023  pop r15
      0025  pop r14
      0027  pop r13
      0029  pop r12
      002b  pop rbp
      002c  pop rbx
      002d  ret
   0: op_memory_grow_ss s1 s0
      002e  mov rdi, r15
      0031  mov rsi, rbx
      0034  lea rdx, [r13]
      0038  mov rax, <memory_grow>
      0042  call rax
      0044  test al, al
      0046  jz 0x010f
      004c  mov rcx, [r15+0x20]
      0050  xor r14d, r14d
      0053  test rcx, rcx
      0056  jz 0x005f
      005c  mov r14, [rcx]
   4: op_const32_si s1 i0x10
      005f  mov eax, 0x10
      0064  mov [rbx+0x08], rax
   8: op_i32_load_sso s0 s1 +0
      0068  mov eax, eax
      006a  mov eax, [r14+rax*1]
      006e  mov [rbx], rax
  13: op_return
      0071  mov rcx, [r15+0x28]
      0075  mov rsi, [rcx-0x08]
      0079  mov rdi, [rcx-0x18]
      007d  test rsi, rsi
      0080  jz 0x0106
      0086  test dil, 0x01
      008a  jnz 0x0106
      0090  mov rdx, [rsi+0x70]
      0094  mov rax, [rdx+0xD8]
      009b  test rax, rax
      009e  jz 0x0106
      00a4  mov r8, [rax+0x28]
      00a8  test r8, r8
      00ab  jz 0x0106
      00b1  mov r13, [rdx+0x18]
      00b5  sub rdi, r13
      00b8  mov edi, [r8+rdi*1]
      00bc  add rdi, [rax]
      00bf  add rcx, 0xffffffffffffffe8
      00c3  mov [r15+0x28], rcx
      00c7  mov [r15+0x10], rsi
      00cb  mov rbx, [rcx+0x08]
      00cf  mov rax, [rsi+0x10]
      00d3  cmp rax, [r15+0x18]
      00d7  jz 0x00fb
      00dd  mov [r15+0x18], rax
      00e1  mov rcx, [rax+0x110]
      00e8  mov [r15+0x20], rcx
      00ec  xor r14d, r14d
      00ef  test rcx, rcx
      00f2  jz 0x00fb
      00f8  mov r14, [rcx]
      00fb  jmp rdi
out of line (hand-overs):
      00fd  lea rax, [r13+0x3C]  ; hand over at @15
      0101  jmp 0x001c
      0106  lea rax, [r13+0x34]  ; hand over at @13
      010a  jmp 0x001c
      010f  mov rax, [r15+0x08]
      0113  mov rax, [rax+0x70]
      0117  jmp 0x001c

func 3: params=1 locals=0 results=1 frame=3
256 bytes of machine code, 1 of them data; 2 of 2 IR instructions compiled
entry and exit:
      0000  push rbx
      0001  push rbp
      0002  push r12
      0004  push r13
      0006  push r14
      0008  push r15
      000a  sub rsp, 0x08
      000e  mov rbx, rdi
      0011  mov r15, rsi
      0014  mov r14, rcx
      0017  mov r13, r8
      001a  jmp rdx
      001c  mov rdx, rbx
      001f  add rsp, 0x08
      0023  pop r15
      0025  pop r14
      0027  pop r13
      0029  pop r12
      002b  pop rbp
      002c  pop rbx
      002d  ret
   0: op_i32_load16_u_ssxI s0 s0 #1 I0x4
      002e  mov rax, [r15+0x18]
      0032  mov rax, [rax+0x48]
      0036  mov rax, [rax+0x08]
      003a  mov ecx, [rbx]
      003c  add rcx, 0x04
      0040  lea rdx, [rcx+0x02]
      0044  cmp rdx, [rax+0x08]
      0048  jnbe 0x00ed
      004e  mov rax, [rax]
      0051  movzx eax, word ptr [rax+rcx*1]
      0055  mov [rbx], rax
   7: op_return
      0058  mov rcx, [r15+0x28]
      005c  mov rsi, [rcx-0x08]
      0060  mov rdi, [rcx-0x18]
      0064  test rsi, rsi
      0067  jz 0x00f6
      006d  test dil, 0x01
      0071  jnz 0x00f6
      0077  mov rdx, [rsi+0x70]
      007b  mov rax, [rdx+0xD8]
      0082  test rax, rax
      0085  jz 0x00f6
      008b  mov r8, [rax+0x28]
      008f  test r8, r8
      0092  jz 0x00f6
      0098  mov r13, [rdx+0x18]
      009c  sub rdi, r13
      009f  mov edi, [r8+rdi*1]
      00a3  add rdi, [rax]
      00a6  add rcx, 0xffffffffffffffe8
      00aa  mov [r15+0x28], rcx
      00ae  mov [r15+0x10], rsi
      00b2  mov rbx, [rcx+0x08]
      00b6  mov rax, [rsi+0x10]
      00ba  cmp rax, [r15+0x18]
      00be  jz 0x00e2
      00c4  mov [r15+0x18], rax
      00c8  mov rcx, [rax+0x110]
      00cf  mov [r15+0x20], rcx
      00d3  xor r14d, r14d
      00d6  test rcx, rcx
      00d9  jz 0x00e2
      00df  mov r14, [rcx]
      00e2  jmp rdi
out of line (hand-overs):
      00e4  lea rax, [r13+0x24]  ; hand over at @9
      00e8  jmp 0x001c
      00ed  lea rax, [r13]  ; hand over at @0
      00f1  jmp 0x001c
      00f6  lea rax, [r13+0x1C]  ; hand over at @7
      00fa  jmp 0x001c
data: 1 bytes (branch tables, padding)

func 4: params=1 locals=0 results=1 frame=3
264 bytes of machine code, 3 of them data; 3 of 3 IR instructions compiled
entry and exit:
      0000  push rbx
      0001  push rbp
      0002  push r12
      0004  push r13
      0006  push r14
      0008  push r15
      000a  sub rsp, 0x08
      000e  mov rbx, rdi
      0011  mov r15, rsi
      0014  mov r14, rcx
      0017  mov r13, r8
      001a  jmp rdx
      001c  mov rdx, rbx
      001f  add rsp, 0x08
      0023  pop r15
      0025  pop r14
      0027  pop r13
      0029  pop r12
      002b  pop rbp
      002c  pop rbx
      002d  ret
   0: op_table_get_sxs s1 #0 s0
      002e  mov rdi, r15
      0031  mov rsi, rbx
      0034  lea rdx, [r13]
      0038  mov rax, <table_get<uint32_t>>
      0042  call rax
      0044  test al, al
      0046  jz 0x00f8
   5: op_ref_is_null_ss s0 s1
      004c  cmp qword ptr [rbx+0x08], 0x00
      0051  setz al
      0054  movzx eax, al
      0057  mov [rbx], rax
   9: op_return
      005a  mov rcx, [r15+0x28]
      005e  mov rsi, [rcx-0x08]
      0062  mov rdi, [rcx-0x18]
      0066  test rsi, rsi
      0069  jz 0x00ef
      006f  test dil, 0x01
      0073  jnz 0x00ef
      0079  mov rdx, [rsi+0x70]
      007d  mov rax, [rdx+0xD8]
      0084  test rax, rax
      0087  jz 0x00ef
      008d  mov r8, [rax+0x28]
      0091  test r8, r8
      0094  jz 0x00ef
      009a  mov r13, [rdx+0x18]
      009e  sub rdi, r13
      00a1  mov edi, [r8+rdi*1]
      00a5  add rdi, [rax]
      00a8  add rcx, 0xffffffffffffffe8
      00ac  mov [r15+0x28], rcx
      00b0  mov [r15+0x10], rsi
      00b4  mov rbx, [rcx+0x08]
      00b8  mov rax, [rsi+0x10]
      00bc  cmp rax, [r15+0x18]
      00c0  jz 0x00e4
      00c6  mov [r15+0x18], rax
      00ca  mov rcx, [rax+0x110]
      00d1  mov [r15+0x20], rcx
      00d5  xor r14d, r14d
      00d8  test rcx, rcx
      00db  jz 0x00e4
      00e1  mov r14, [rcx]
      00e4  jmp rdi
out of line (hand-overs):
      00e6  lea rax, [r13+0x2C]  ; hand over at @11
      00ea  jmp 0x001c
      00ef  lea rax, [r13+0x24]  ; hand over at @9
      00f3  jmp 0x001c
      00f8  mov rax, [r15+0x08]
      00fc  mov rax, [rax+0x70]
      0100  jmp 0x001c
data: 3 bytes (branch tables, padding)

